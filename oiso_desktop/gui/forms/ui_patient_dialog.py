# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'patient_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.field_message import FieldMessage

class Ui_PatientDialog(object):
    def setupUi(self, PatientDialog):
        if not PatientDialog.objectName():
            PatientDialog.setObjectName(u"PatientDialog")
        PatientDialog.resize(900, 470)
        self.main_layout = QVBoxLayout(PatientDialog)
        self.main_layout.setSpacing(10)
        self.main_layout.setObjectName(u"main_layout")
        self.banner_label = FieldMessage(PatientDialog)
        self.banner_label.setObjectName(u"banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.setVisible(False)

        self.main_layout.addWidget(self.banner_label)

        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.left_column_layout = QVBoxLayout()
        self.left_column_layout.setObjectName(u"left_column_layout")
        self.identity_group_box = QGroupBox(PatientDialog)
        self.identity_group_box.setObjectName(u"identity_group_box")
        self.identity_group_box_form_layout = QFormLayout(self.identity_group_box)
        self.identity_group_box_form_layout.setObjectName(u"identity_group_box_form_layout")
        self.identity_group_box_form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.identity_group_box_form_layout.setLabelAlignment(Qt.AlignRight|Qt.AlignTop)
        self.identity_group_box_form_layout.setVerticalSpacing(6)
        self.birth_name_label = QLabel(self.identity_group_box)
        self.birth_name_label.setObjectName(u"birth_name_label")
        self.birth_name_label.setMinimumSize(QSize(0, 30))
        self.birth_name_label.setMaximumSize(QSize(16777215, 30))
        self.birth_name_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.birth_name_label)

        self.birth_name_field_layout = QVBoxLayout()
        self.birth_name_field_layout.setSpacing(2)
        self.birth_name_field_layout.setObjectName(u"birth_name_field_layout")
        self.birth_name_edit = QLineEdit(self.identity_group_box)
        self.birth_name_edit.setObjectName(u"birth_name_edit")
        self.birth_name_edit.setMaxLength(100)

        self.birth_name_field_layout.addWidget(self.birth_name_edit)

        self.birth_name_message_label = FieldMessage(self.identity_group_box)
        self.birth_name_message_label.setObjectName(u"birth_name_message_label")
        self.birth_name_message_label.setWordWrap(True)
        self.birth_name_message_label.setVisible(False)

        self.birth_name_field_layout.addWidget(self.birth_name_message_label)


        self.identity_group_box_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.birth_name_field_layout)

        self.first_names_label = QLabel(self.identity_group_box)
        self.first_names_label.setObjectName(u"first_names_label")
        self.first_names_label.setMinimumSize(QSize(0, 30))
        self.first_names_label.setMaximumSize(QSize(16777215, 30))
        self.first_names_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.first_names_label)

        self.first_names_field_layout = QVBoxLayout()
        self.first_names_field_layout.setSpacing(2)
        self.first_names_field_layout.setObjectName(u"first_names_field_layout")
        self.first_names_edit = QLineEdit(self.identity_group_box)
        self.first_names_edit.setObjectName(u"first_names_edit")
        self.first_names_edit.setMaxLength(150)

        self.first_names_field_layout.addWidget(self.first_names_edit)

        self.first_names_message_label = FieldMessage(self.identity_group_box)
        self.first_names_message_label.setObjectName(u"first_names_message_label")
        self.first_names_message_label.setWordWrap(True)
        self.first_names_message_label.setVisible(False)

        self.first_names_field_layout.addWidget(self.first_names_message_label)


        self.identity_group_box_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.first_names_field_layout)

        self.birth_date_label = QLabel(self.identity_group_box)
        self.birth_date_label.setObjectName(u"birth_date_label")
        self.birth_date_label.setMinimumSize(QSize(0, 30))
        self.birth_date_label.setMaximumSize(QSize(16777215, 30))
        self.birth_date_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date_field_layout = QVBoxLayout()
        self.birth_date_field_layout.setSpacing(2)
        self.birth_date_field_layout.setObjectName(u"birth_date_field_layout")
        self.birth_date_edit = DateLineEdit(self.identity_group_box)
        self.birth_date_edit.setObjectName(u"birth_date_edit")

        self.birth_date_field_layout.addWidget(self.birth_date_edit)

        self.birth_date_message_label = FieldMessage(self.identity_group_box)
        self.birth_date_message_label.setObjectName(u"birth_date_message_label")
        self.birth_date_message_label.setWordWrap(True)
        self.birth_date_message_label.setVisible(False)

        self.birth_date_field_layout.addWidget(self.birth_date_message_label)


        self.identity_group_box_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.birth_date_field_layout)

        self.sex_label = QLabel(self.identity_group_box)
        self.sex_label.setObjectName(u"sex_label")
        self.sex_label.setMinimumSize(QSize(0, 30))
        self.sex_label.setMaximumSize(QSize(16777215, 30))
        self.sex_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sex_label)

        self.sex_field_layout = QVBoxLayout()
        self.sex_field_layout.setSpacing(2)
        self.sex_field_layout.setObjectName(u"sex_field_layout")
        self.sex_combo = QComboBox(self.identity_group_box)
        self.sex_combo.setObjectName(u"sex_combo")

        self.sex_field_layout.addWidget(self.sex_combo)

        self.sex_message_label = FieldMessage(self.identity_group_box)
        self.sex_message_label.setObjectName(u"sex_message_label")
        self.sex_message_label.setWordWrap(True)
        self.sex_message_label.setVisible(False)

        self.sex_field_layout.addWidget(self.sex_message_label)


        self.identity_group_box_form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sex_field_layout)

        self.birth_place_code_label = QLabel(self.identity_group_box)
        self.birth_place_code_label.setObjectName(u"birth_place_code_label")
        self.birth_place_code_label.setMinimumSize(QSize(0, 30))
        self.birth_place_code_label.setMaximumSize(QSize(16777215, 30))
        self.birth_place_code_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birth_place_code_label)

        self.birth_place_code_field_layout = QVBoxLayout()
        self.birth_place_code_field_layout.setSpacing(2)
        self.birth_place_code_field_layout.setObjectName(u"birth_place_code_field_layout")
        self.birth_place_code_edit = QLineEdit(self.identity_group_box)
        self.birth_place_code_edit.setObjectName(u"birth_place_code_edit")
        self.birth_place_code_edit.setMaxLength(5)

        self.birth_place_code_field_layout.addWidget(self.birth_place_code_edit)

        self.birth_place_code_message_label = FieldMessage(self.identity_group_box)
        self.birth_place_code_message_label.setObjectName(u"birth_place_code_message_label")
        self.birth_place_code_message_label.setWordWrap(True)
        self.birth_place_code_message_label.setVisible(False)

        self.birth_place_code_field_layout.addWidget(self.birth_place_code_message_label)


        self.identity_group_box_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.birth_place_code_field_layout)

        self.nir_label = QLabel(self.identity_group_box)
        self.nir_label.setObjectName(u"nir_label")
        self.nir_label.setMinimumSize(QSize(0, 30))
        self.nir_label.setMaximumSize(QSize(16777215, 30))
        self.nir_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nir_label)

        self.nir_field_layout = QVBoxLayout()
        self.nir_field_layout.setSpacing(2)
        self.nir_field_layout.setObjectName(u"nir_field_layout")
        self.nir_edit = QLineEdit(self.identity_group_box)
        self.nir_edit.setObjectName(u"nir_edit")
        self.nir_edit.setMaxLength(21)

        self.nir_field_layout.addWidget(self.nir_edit)

        self.nir_message_label = FieldMessage(self.identity_group_box)
        self.nir_message_label.setObjectName(u"nir_message_label")
        self.nir_message_label.setWordWrap(True)
        self.nir_message_label.setVisible(False)

        self.nir_field_layout.addWidget(self.nir_message_label)


        self.identity_group_box_form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.nir_field_layout)

        self.ins_status_label = QLabel(self.identity_group_box)
        self.ins_status_label.setObjectName(u"ins_status_label")
        self.ins_status_label.setMinimumSize(QSize(0, 30))
        self.ins_status_label.setMaximumSize(QSize(16777215, 30))
        self.ins_status_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.identity_group_box_form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ins_status_label)

        self.ins_status_field_layout = QVBoxLayout()
        self.ins_status_field_layout.setSpacing(2)
        self.ins_status_field_layout.setObjectName(u"ins_status_field_layout")
        self.ins_status_combo = QComboBox(self.identity_group_box)
        self.ins_status_combo.setObjectName(u"ins_status_combo")

        self.ins_status_field_layout.addWidget(self.ins_status_combo)

        self.ins_status_message_label = FieldMessage(self.identity_group_box)
        self.ins_status_message_label.setObjectName(u"ins_status_message_label")
        self.ins_status_message_label.setWordWrap(True)
        self.ins_status_message_label.setVisible(False)

        self.ins_status_field_layout.addWidget(self.ins_status_message_label)


        self.identity_group_box_form_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.ins_status_field_layout)


        self.left_column_layout.addWidget(self.identity_group_box)

        self.usage_group_box = QGroupBox(PatientDialog)
        self.usage_group_box.setObjectName(u"usage_group_box")
        self.usage_group_box_form_layout = QFormLayout(self.usage_group_box)
        self.usage_group_box_form_layout.setObjectName(u"usage_group_box_form_layout")
        self.usage_group_box_form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.usage_group_box_form_layout.setLabelAlignment(Qt.AlignRight|Qt.AlignTop)
        self.usage_group_box_form_layout.setVerticalSpacing(6)
        self.used_name_label = QLabel(self.usage_group_box)
        self.used_name_label.setObjectName(u"used_name_label")
        self.used_name_label.setMinimumSize(QSize(0, 30))
        self.used_name_label.setMaximumSize(QSize(16777215, 30))
        self.used_name_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.usage_group_box_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.used_name_label)

        self.used_name_field_layout = QVBoxLayout()
        self.used_name_field_layout.setSpacing(2)
        self.used_name_field_layout.setObjectName(u"used_name_field_layout")
        self.used_name_edit = QLineEdit(self.usage_group_box)
        self.used_name_edit.setObjectName(u"used_name_edit")
        self.used_name_edit.setMaxLength(100)

        self.used_name_field_layout.addWidget(self.used_name_edit)

        self.used_name_message_label = FieldMessage(self.usage_group_box)
        self.used_name_message_label.setObjectName(u"used_name_message_label")
        self.used_name_message_label.setWordWrap(True)
        self.used_name_message_label.setVisible(False)

        self.used_name_field_layout.addWidget(self.used_name_message_label)


        self.usage_group_box_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.used_name_field_layout)


        self.left_column_layout.addWidget(self.usage_group_box)

        self.left_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column_layout.addItem(self.left_spacer)


        self.columns_layout.addLayout(self.left_column_layout)

        self.right_column_layout = QVBoxLayout()
        self.right_column_layout.setObjectName(u"right_column_layout")
        self.contact_group_box = QGroupBox(PatientDialog)
        self.contact_group_box.setObjectName(u"contact_group_box")
        self.contact_group_box_form_layout = QFormLayout(self.contact_group_box)
        self.contact_group_box_form_layout.setObjectName(u"contact_group_box_form_layout")
        self.contact_group_box_form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.contact_group_box_form_layout.setLabelAlignment(Qt.AlignRight|Qt.AlignTop)
        self.contact_group_box_form_layout.setVerticalSpacing(6)
        self.address_label = QLabel(self.contact_group_box)
        self.address_label.setObjectName(u"address_label")
        self.address_label.setMinimumSize(QSize(0, 30))
        self.address_label.setMaximumSize(QSize(16777215, 30))
        self.address_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.contact_group_box_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_field_layout = QVBoxLayout()
        self.address_field_layout.setSpacing(2)
        self.address_field_layout.setObjectName(u"address_field_layout")
        self.address_edit = QLineEdit(self.contact_group_box)
        self.address_edit.setObjectName(u"address_edit")
        self.address_edit.setMaxLength(250)

        self.address_field_layout.addWidget(self.address_edit)

        self.address_message_label = FieldMessage(self.contact_group_box)
        self.address_message_label.setObjectName(u"address_message_label")
        self.address_message_label.setWordWrap(True)
        self.address_message_label.setVisible(False)

        self.address_field_layout.addWidget(self.address_message_label)


        self.contact_group_box_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.address_field_layout)

        self.postal_code_label = QLabel(self.contact_group_box)
        self.postal_code_label.setObjectName(u"postal_code_label")
        self.postal_code_label.setMinimumSize(QSize(0, 30))
        self.postal_code_label.setMaximumSize(QSize(16777215, 30))
        self.postal_code_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.contact_group_box_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.postal_code_label)

        self.postal_code_field_layout = QVBoxLayout()
        self.postal_code_field_layout.setSpacing(2)
        self.postal_code_field_layout.setObjectName(u"postal_code_field_layout")
        self.postal_code_edit = QLineEdit(self.contact_group_box)
        self.postal_code_edit.setObjectName(u"postal_code_edit")
        self.postal_code_edit.setMaxLength(5)

        self.postal_code_field_layout.addWidget(self.postal_code_edit)

        self.postal_code_message_label = FieldMessage(self.contact_group_box)
        self.postal_code_message_label.setObjectName(u"postal_code_message_label")
        self.postal_code_message_label.setWordWrap(True)
        self.postal_code_message_label.setVisible(False)

        self.postal_code_field_layout.addWidget(self.postal_code_message_label)


        self.contact_group_box_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.postal_code_field_layout)

        self.city_label = QLabel(self.contact_group_box)
        self.city_label.setObjectName(u"city_label")
        self.city_label.setMinimumSize(QSize(0, 30))
        self.city_label.setMaximumSize(QSize(16777215, 30))
        self.city_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.contact_group_box_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.city_label)

        self.city_field_layout = QVBoxLayout()
        self.city_field_layout.setSpacing(2)
        self.city_field_layout.setObjectName(u"city_field_layout")
        self.city_edit = QLineEdit(self.contact_group_box)
        self.city_edit.setObjectName(u"city_edit")
        self.city_edit.setMaxLength(100)

        self.city_field_layout.addWidget(self.city_edit)

        self.city_message_label = FieldMessage(self.contact_group_box)
        self.city_message_label.setObjectName(u"city_message_label")
        self.city_message_label.setWordWrap(True)
        self.city_message_label.setVisible(False)

        self.city_field_layout.addWidget(self.city_message_label)


        self.contact_group_box_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.city_field_layout)

        self.phone_label = QLabel(self.contact_group_box)
        self.phone_label.setObjectName(u"phone_label")
        self.phone_label.setMinimumSize(QSize(0, 30))
        self.phone_label.setMaximumSize(QSize(16777215, 30))
        self.phone_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.contact_group_box_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_field_layout = QVBoxLayout()
        self.phone_field_layout.setSpacing(2)
        self.phone_field_layout.setObjectName(u"phone_field_layout")
        self.phone_edit = QLineEdit(self.contact_group_box)
        self.phone_edit.setObjectName(u"phone_edit")
        self.phone_edit.setMaxLength(20)

        self.phone_field_layout.addWidget(self.phone_edit)

        self.phone_message_label = FieldMessage(self.contact_group_box)
        self.phone_message_label.setObjectName(u"phone_message_label")
        self.phone_message_label.setWordWrap(True)
        self.phone_message_label.setVisible(False)

        self.phone_field_layout.addWidget(self.phone_message_label)


        self.contact_group_box_form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.phone_field_layout)

        self.email_label = QLabel(self.contact_group_box)
        self.email_label.setObjectName(u"email_label")
        self.email_label.setMinimumSize(QSize(0, 30))
        self.email_label.setMaximumSize(QSize(16777215, 30))
        self.email_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.contact_group_box_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_field_layout = QVBoxLayout()
        self.email_field_layout.setSpacing(2)
        self.email_field_layout.setObjectName(u"email_field_layout")
        self.email_edit = QLineEdit(self.contact_group_box)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(150)

        self.email_field_layout.addWidget(self.email_edit)

        self.email_message_label = FieldMessage(self.contact_group_box)
        self.email_message_label.setObjectName(u"email_message_label")
        self.email_message_label.setWordWrap(True)
        self.email_message_label.setVisible(False)

        self.email_field_layout.addWidget(self.email_message_label)


        self.contact_group_box_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.email_field_layout)


        self.right_column_layout.addWidget(self.contact_group_box)

        self.followup_group_box = QGroupBox(PatientDialog)
        self.followup_group_box.setObjectName(u"followup_group_box")
        self.followup_group_box_form_layout = QFormLayout(self.followup_group_box)
        self.followup_group_box_form_layout.setObjectName(u"followup_group_box_form_layout")
        self.followup_group_box_form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.followup_group_box_form_layout.setLabelAlignment(Qt.AlignRight|Qt.AlignTop)
        self.followup_group_box_form_layout.setVerticalSpacing(6)
        self.owner_label = QLabel(self.followup_group_box)
        self.owner_label.setObjectName(u"owner_label")
        self.owner_label.setMinimumSize(QSize(0, 30))
        self.owner_label.setMaximumSize(QSize(16777215, 30))
        self.owner_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.followup_group_box_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.owner_label)

        self.owner_field_layout = QVBoxLayout()
        self.owner_field_layout.setSpacing(2)
        self.owner_field_layout.setObjectName(u"owner_field_layout")
        self.owner_combo = QComboBox(self.followup_group_box)
        self.owner_combo.setObjectName(u"owner_combo")

        self.owner_field_layout.addWidget(self.owner_combo)

        self.owner_message_label = FieldMessage(self.followup_group_box)
        self.owner_message_label.setObjectName(u"owner_message_label")
        self.owner_message_label.setWordWrap(True)
        self.owner_message_label.setVisible(False)

        self.owner_field_layout.addWidget(self.owner_message_label)


        self.followup_group_box_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.owner_field_layout)

        self.referring_physician_label = QLabel(self.followup_group_box)
        self.referring_physician_label.setObjectName(u"referring_physician_label")
        self.referring_physician_label.setMinimumSize(QSize(0, 30))
        self.referring_physician_label.setMaximumSize(QSize(16777215, 30))
        self.referring_physician_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.followup_group_box_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referring_physician_label)

        self.referring_physician_field_layout = QVBoxLayout()
        self.referring_physician_field_layout.setSpacing(2)
        self.referring_physician_field_layout.setObjectName(u"referring_physician_field_layout")
        self.referring_physician_edit = QLineEdit(self.followup_group_box)
        self.referring_physician_edit.setObjectName(u"referring_physician_edit")
        self.referring_physician_edit.setMaxLength(150)

        self.referring_physician_field_layout.addWidget(self.referring_physician_edit)

        self.referring_physician_message_label = FieldMessage(self.followup_group_box)
        self.referring_physician_message_label.setObjectName(u"referring_physician_message_label")
        self.referring_physician_message_label.setWordWrap(True)
        self.referring_physician_message_label.setVisible(False)

        self.referring_physician_field_layout.addWidget(self.referring_physician_message_label)


        self.followup_group_box_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.referring_physician_field_layout)

        self.vital_status_label = QLabel(self.followup_group_box)
        self.vital_status_label.setObjectName(u"vital_status_label")
        self.vital_status_label.setMinimumSize(QSize(0, 30))
        self.vital_status_label.setMaximumSize(QSize(16777215, 30))
        self.vital_status_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.followup_group_box_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.vital_status_label)

        self.vital_status_field_layout = QVBoxLayout()
        self.vital_status_field_layout.setSpacing(2)
        self.vital_status_field_layout.setObjectName(u"vital_status_field_layout")
        self.vital_status_combo = QComboBox(self.followup_group_box)
        self.vital_status_combo.setObjectName(u"vital_status_combo")

        self.vital_status_field_layout.addWidget(self.vital_status_combo)

        self.vital_status_message_label = FieldMessage(self.followup_group_box)
        self.vital_status_message_label.setObjectName(u"vital_status_message_label")
        self.vital_status_message_label.setWordWrap(True)
        self.vital_status_message_label.setVisible(False)

        self.vital_status_field_layout.addWidget(self.vital_status_message_label)


        self.followup_group_box_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.vital_status_field_layout)

        self.death_date_label = QLabel(self.followup_group_box)
        self.death_date_label.setObjectName(u"death_date_label")
        self.death_date_label.setMinimumSize(QSize(0, 30))
        self.death_date_label.setMaximumSize(QSize(16777215, 30))
        self.death_date_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.followup_group_box_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.death_date_label)

        self.death_date_field_layout = QVBoxLayout()
        self.death_date_field_layout.setSpacing(2)
        self.death_date_field_layout.setObjectName(u"death_date_field_layout")
        self.death_date_edit = DateLineEdit(self.followup_group_box)
        self.death_date_edit.setObjectName(u"death_date_edit")

        self.death_date_field_layout.addWidget(self.death_date_edit)

        self.death_date_message_label = FieldMessage(self.followup_group_box)
        self.death_date_message_label.setObjectName(u"death_date_message_label")
        self.death_date_message_label.setWordWrap(True)
        self.death_date_message_label.setVisible(False)

        self.death_date_field_layout.addWidget(self.death_date_message_label)


        self.followup_group_box_form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.death_date_field_layout)


        self.right_column_layout.addWidget(self.followup_group_box)

        self.right_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right_column_layout.addItem(self.right_spacer)


        self.columns_layout.addLayout(self.right_column_layout)


        self.main_layout.addLayout(self.columns_layout)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.required_hint_label = QLabel(PatientDialog)
        self.required_hint_label.setObjectName(u"required_hint_label")

        self.button_layout.addWidget(self.required_hint_label)

        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.cancel_button = QPushButton(PatientDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(PatientDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.birth_name_label.setBuddy(self.birth_name_edit)
        self.first_names_label.setBuddy(self.first_names_edit)
        self.birth_date_label.setBuddy(self.birth_date_edit)
        self.sex_label.setBuddy(self.sex_combo)
        self.birth_place_code_label.setBuddy(self.birth_place_code_edit)
        self.nir_label.setBuddy(self.nir_edit)
        self.ins_status_label.setBuddy(self.ins_status_combo)
        self.used_name_label.setBuddy(self.used_name_edit)
        self.address_label.setBuddy(self.address_edit)
        self.postal_code_label.setBuddy(self.postal_code_edit)
        self.city_label.setBuddy(self.city_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.email_label.setBuddy(self.email_edit)
        self.owner_label.setBuddy(self.owner_combo)
        self.referring_physician_label.setBuddy(self.referring_physician_edit)
        self.vital_status_label.setBuddy(self.vital_status_combo)
        self.death_date_label.setBuddy(self.death_date_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.birth_name_edit, self.first_names_edit)
        QWidget.setTabOrder(self.first_names_edit, self.birth_date_edit)
        QWidget.setTabOrder(self.birth_date_edit, self.sex_combo)
        QWidget.setTabOrder(self.sex_combo, self.birth_place_code_edit)
        QWidget.setTabOrder(self.birth_place_code_edit, self.nir_edit)
        QWidget.setTabOrder(self.nir_edit, self.ins_status_combo)
        QWidget.setTabOrder(self.ins_status_combo, self.used_name_edit)
        QWidget.setTabOrder(self.used_name_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.postal_code_edit)
        QWidget.setTabOrder(self.postal_code_edit, self.city_edit)
        QWidget.setTabOrder(self.city_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.owner_combo)
        QWidget.setTabOrder(self.owner_combo, self.referring_physician_edit)
        QWidget.setTabOrder(self.referring_physician_edit, self.vital_status_combo)
        QWidget.setTabOrder(self.vital_status_combo, self.death_date_edit)
        QWidget.setTabOrder(self.death_date_edit, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.save_button)

        self.retranslateUi(PatientDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(PatientDialog)
    # setupUi

    def retranslateUi(self, PatientDialog):
        PatientDialog.setWindowTitle(QCoreApplication.translate("PatientDialog", u"Patient identity", None))
        self.banner_label.setText("")
        self.identity_group_box.setTitle(QCoreApplication.translate("PatientDialog", u"Identity (INS traits)", None))
        self.birth_name_label.setText(QCoreApplication.translate("PatientDialog", u"Birth name *", None))
        self.birth_name_message_label.setText("")
        self.first_names_label.setText(QCoreApplication.translate("PatientDialog", u"Birth first name(s) *", None))
#if QT_CONFIG(tooltip)
        self.first_names_edit.setToolTip(QCoreApplication.translate("PatientDialog", u"All the first names on the civil status, separated by spaces", None))
#endif // QT_CONFIG(tooltip)
        self.first_names_message_label.setText("")
        self.birth_date_label.setText(QCoreApplication.translate("PatientDialog", u"Birth date *", None))
        self.birth_date_message_label.setText("")
        self.sex_label.setText(QCoreApplication.translate("PatientDialog", u"Sex *", None))
        self.sex_message_label.setText("")
        self.birth_place_code_label.setText(QCoreApplication.translate("PatientDialog", u"Birthplace (INSEE code)", None))
        self.birth_place_code_edit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"e.g. 75056, or 99xxx abroad", None))
        self.birth_place_code_message_label.setText("")
        self.nir_label.setText(QCoreApplication.translate("PatientDialog", u"NIR", None))
        self.nir_edit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"15 characters, key included", None))
        self.nir_message_label.setText("")
        self.ins_status_label.setText(QCoreApplication.translate("PatientDialog", u"INS identity status", None))
        self.ins_status_message_label.setText("")
        self.usage_group_box.setTitle(QCoreApplication.translate("PatientDialog", u"Usage", None))
        self.used_name_label.setText(QCoreApplication.translate("PatientDialog", u"Used name", None))
        self.used_name_message_label.setText("")
        self.contact_group_box.setTitle(QCoreApplication.translate("PatientDialog", u"Contact details", None))
        self.address_label.setText(QCoreApplication.translate("PatientDialog", u"Address", None))
        self.address_message_label.setText("")
        self.postal_code_label.setText(QCoreApplication.translate("PatientDialog", u"Postal code", None))
        self.postal_code_message_label.setText("")
        self.city_label.setText(QCoreApplication.translate("PatientDialog", u"City", None))
        self.city_message_label.setText("")
        self.phone_label.setText(QCoreApplication.translate("PatientDialog", u"Phone", None))
        self.phone_message_label.setText("")
        self.email_label.setText(QCoreApplication.translate("PatientDialog", u"E-mail", None))
        self.email_message_label.setText("")
        self.followup_group_box.setTitle(QCoreApplication.translate("PatientDialog", u"Follow-up", None))
        self.owner_label.setText(QCoreApplication.translate("PatientDialog", u"Practitioner in charge *", None))
#if QT_CONFIG(tooltip)
        self.owner_combo.setToolTip(QCoreApplication.translate("PatientDialog", u"The practitioner who owns the new file", None))
#endif // QT_CONFIG(tooltip)
        self.owner_message_label.setText("")
        self.referring_physician_label.setText(QCoreApplication.translate("PatientDialog", u"Referring physician", None))
        self.referring_physician_message_label.setText("")
        self.vital_status_label.setText(QCoreApplication.translate("PatientDialog", u"Vital status", None))
        self.vital_status_message_label.setText("")
        self.death_date_label.setText(QCoreApplication.translate("PatientDialog", u"Date of death", None))
        self.death_date_message_label.setText("")
        self.required_hint_label.setText(QCoreApplication.translate("PatientDialog", u"* required", None))
        self.cancel_button.setText(QCoreApplication.translate("PatientDialog", u"Cancel", None))
        self.save_button.setText(QCoreApplication.translate("PatientDialog", u"Save", None))
    # retranslateUi


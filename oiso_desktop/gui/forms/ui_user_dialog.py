# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from oiso_desktop.gui.widgets.field_message import FieldMessage

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(880, 470)
        self.main_layout = QVBoxLayout(UserDialog)
        self.main_layout.setSpacing(10)
        self.main_layout.setObjectName(u"main_layout")
        self.banner_label = FieldMessage(UserDialog)
        self.banner_label.setObjectName(u"banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.setVisible(False)

        self.main_layout.addWidget(self.banner_label)

        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.left_column_layout = QVBoxLayout()
        self.left_column_layout.setObjectName(u"left_column_layout")
        self.account_group_box = QGroupBox(UserDialog)
        self.account_group_box.setObjectName(u"account_group_box")
        self.account_group_box_form_layout = QFormLayout(self.account_group_box)
        self.account_group_box_form_layout.setObjectName(u"account_group_box_form_layout")
        self.account_group_box_form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.account_group_box_form_layout.setLabelAlignment(Qt.AlignRight|Qt.AlignTop)
        self.account_group_box_form_layout.setVerticalSpacing(6)
        self.login_label = QLabel(self.account_group_box)
        self.login_label.setObjectName(u"login_label")
        self.login_label.setMinimumSize(QSize(0, 30))
        self.login_label.setMaximumSize(QSize(16777215, 30))
        self.login_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.account_group_box_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.login_label)

        self.login_field_layout = QVBoxLayout()
        self.login_field_layout.setSpacing(2)
        self.login_field_layout.setObjectName(u"login_field_layout")
        self.login_edit = QLineEdit(self.account_group_box)
        self.login_edit.setObjectName(u"login_edit")
        self.login_edit.setMaxLength(64)

        self.login_field_layout.addWidget(self.login_edit)

        self.login_message_label = FieldMessage(self.account_group_box)
        self.login_message_label.setObjectName(u"login_message_label")
        self.login_message_label.setWordWrap(True)
        self.login_message_label.setVisible(False)

        self.login_field_layout.addWidget(self.login_message_label)


        self.account_group_box_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.login_field_layout)

        self.first_name_label = QLabel(self.account_group_box)
        self.first_name_label.setObjectName(u"first_name_label")
        self.first_name_label.setMinimumSize(QSize(0, 30))
        self.first_name_label.setMaximumSize(QSize(16777215, 30))
        self.first_name_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.account_group_box_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.first_name_label)

        self.first_name_field_layout = QVBoxLayout()
        self.first_name_field_layout.setSpacing(2)
        self.first_name_field_layout.setObjectName(u"first_name_field_layout")
        self.first_name_edit = QLineEdit(self.account_group_box)
        self.first_name_edit.setObjectName(u"first_name_edit")
        self.first_name_edit.setMaxLength(100)

        self.first_name_field_layout.addWidget(self.first_name_edit)

        self.first_name_message_label = FieldMessage(self.account_group_box)
        self.first_name_message_label.setObjectName(u"first_name_message_label")
        self.first_name_message_label.setWordWrap(True)
        self.first_name_message_label.setVisible(False)

        self.first_name_field_layout.addWidget(self.first_name_message_label)


        self.account_group_box_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.first_name_field_layout)

        self.last_name_label = QLabel(self.account_group_box)
        self.last_name_label.setObjectName(u"last_name_label")
        self.last_name_label.setMinimumSize(QSize(0, 30))
        self.last_name_label.setMaximumSize(QSize(16777215, 30))
        self.last_name_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.account_group_box_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.last_name_label)

        self.last_name_field_layout = QVBoxLayout()
        self.last_name_field_layout.setSpacing(2)
        self.last_name_field_layout.setObjectName(u"last_name_field_layout")
        self.last_name_edit = QLineEdit(self.account_group_box)
        self.last_name_edit.setObjectName(u"last_name_edit")
        self.last_name_edit.setMaxLength(100)

        self.last_name_field_layout.addWidget(self.last_name_edit)

        self.last_name_message_label = FieldMessage(self.account_group_box)
        self.last_name_message_label.setObjectName(u"last_name_message_label")
        self.last_name_message_label.setWordWrap(True)
        self.last_name_message_label.setVisible(False)

        self.last_name_field_layout.addWidget(self.last_name_message_label)


        self.account_group_box_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.last_name_field_layout)

        self.role_label = QLabel(self.account_group_box)
        self.role_label.setObjectName(u"role_label")
        self.role_label.setMinimumSize(QSize(0, 30))
        self.role_label.setMaximumSize(QSize(16777215, 30))
        self.role_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.account_group_box_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_field_layout = QVBoxLayout()
        self.role_field_layout.setSpacing(2)
        self.role_field_layout.setObjectName(u"role_field_layout")
        self.role_combo = QComboBox(self.account_group_box)
        self.role_combo.setObjectName(u"role_combo")

        self.role_field_layout.addWidget(self.role_combo)

        self.role_message_label = FieldMessage(self.account_group_box)
        self.role_message_label.setObjectName(u"role_message_label")
        self.role_message_label.setWordWrap(True)
        self.role_message_label.setVisible(False)

        self.role_field_layout.addWidget(self.role_message_label)


        self.account_group_box_form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.role_field_layout)

        self.email_label = QLabel(self.account_group_box)
        self.email_label.setObjectName(u"email_label")
        self.email_label.setMinimumSize(QSize(0, 30))
        self.email_label.setMaximumSize(QSize(16777215, 30))
        self.email_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.account_group_box_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_field_layout = QVBoxLayout()
        self.email_field_layout.setSpacing(2)
        self.email_field_layout.setObjectName(u"email_field_layout")
        self.email_edit = QLineEdit(self.account_group_box)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(150)

        self.email_field_layout.addWidget(self.email_edit)

        self.email_message_label = FieldMessage(self.account_group_box)
        self.email_message_label.setObjectName(u"email_message_label")
        self.email_message_label.setWordWrap(True)
        self.email_message_label.setVisible(False)

        self.email_field_layout.addWidget(self.email_message_label)


        self.account_group_box_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.email_field_layout)

        self.phone_label = QLabel(self.account_group_box)
        self.phone_label.setObjectName(u"phone_label")
        self.phone_label.setMinimumSize(QSize(0, 30))
        self.phone_label.setMaximumSize(QSize(16777215, 30))
        self.phone_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.account_group_box_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_field_layout = QVBoxLayout()
        self.phone_field_layout.setSpacing(2)
        self.phone_field_layout.setObjectName(u"phone_field_layout")
        self.phone_edit = QLineEdit(self.account_group_box)
        self.phone_edit.setObjectName(u"phone_edit")
        self.phone_edit.setMaxLength(20)

        self.phone_field_layout.addWidget(self.phone_edit)

        self.phone_message_label = FieldMessage(self.account_group_box)
        self.phone_message_label.setObjectName(u"phone_message_label")
        self.phone_message_label.setWordWrap(True)
        self.phone_message_label.setVisible(False)

        self.phone_field_layout.addWidget(self.phone_message_label)


        self.account_group_box_form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.phone_field_layout)


        self.left_column_layout.addWidget(self.account_group_box)

        self.left_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column_layout.addItem(self.left_spacer)


        self.columns_layout.addLayout(self.left_column_layout)

        self.right_column_layout = QVBoxLayout()
        self.right_column_layout.setObjectName(u"right_column_layout")
        self.professional_group_box = QGroupBox(UserDialog)
        self.professional_group_box.setObjectName(u"professional_group_box")
        self.professional_group_box_form_layout = QFormLayout(self.professional_group_box)
        self.professional_group_box_form_layout.setObjectName(u"professional_group_box_form_layout")
        self.professional_group_box_form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.professional_group_box_form_layout.setLabelAlignment(Qt.AlignRight|Qt.AlignTop)
        self.professional_group_box_form_layout.setVerticalSpacing(6)
        self.profession_label = QLabel(self.professional_group_box)
        self.profession_label.setObjectName(u"profession_label")
        self.profession_label.setMinimumSize(QSize(0, 30))
        self.profession_label.setMaximumSize(QSize(16777215, 30))
        self.profession_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.professional_group_box_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profession_label)

        self.profession_field_layout = QVBoxLayout()
        self.profession_field_layout.setSpacing(2)
        self.profession_field_layout.setObjectName(u"profession_field_layout")
        self.profession_edit = QLineEdit(self.professional_group_box)
        self.profession_edit.setObjectName(u"profession_edit")
        self.profession_edit.setMaxLength(100)

        self.profession_field_layout.addWidget(self.profession_edit)

        self.profession_message_label = FieldMessage(self.professional_group_box)
        self.profession_message_label.setObjectName(u"profession_message_label")
        self.profession_message_label.setWordWrap(True)
        self.profession_message_label.setVisible(False)

        self.profession_field_layout.addWidget(self.profession_message_label)


        self.professional_group_box_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.profession_field_layout)

        self.specialty_label = QLabel(self.professional_group_box)
        self.specialty_label.setObjectName(u"specialty_label")
        self.specialty_label.setMinimumSize(QSize(0, 30))
        self.specialty_label.setMaximumSize(QSize(16777215, 30))
        self.specialty_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.professional_group_box_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.specialty_label)

        self.specialty_field_layout = QVBoxLayout()
        self.specialty_field_layout.setSpacing(2)
        self.specialty_field_layout.setObjectName(u"specialty_field_layout")
        self.specialty_edit = QLineEdit(self.professional_group_box)
        self.specialty_edit.setObjectName(u"specialty_edit")
        self.specialty_edit.setMaxLength(100)

        self.specialty_field_layout.addWidget(self.specialty_edit)

        self.specialty_message_label = FieldMessage(self.professional_group_box)
        self.specialty_message_label.setObjectName(u"specialty_message_label")
        self.specialty_message_label.setWordWrap(True)
        self.specialty_message_label.setVisible(False)

        self.specialty_field_layout.addWidget(self.specialty_message_label)


        self.professional_group_box_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.specialty_field_layout)

        self.rpps_label = QLabel(self.professional_group_box)
        self.rpps_label.setObjectName(u"rpps_label")
        self.rpps_label.setMinimumSize(QSize(0, 30))
        self.rpps_label.setMaximumSize(QSize(16777215, 30))
        self.rpps_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.professional_group_box_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rpps_label)

        self.rpps_field_layout = QVBoxLayout()
        self.rpps_field_layout.setSpacing(2)
        self.rpps_field_layout.setObjectName(u"rpps_field_layout")
        self.rpps_edit = QLineEdit(self.professional_group_box)
        self.rpps_edit.setObjectName(u"rpps_edit")
        self.rpps_edit.setMaxLength(14)

        self.rpps_field_layout.addWidget(self.rpps_edit)

        self.rpps_message_label = FieldMessage(self.professional_group_box)
        self.rpps_message_label.setObjectName(u"rpps_message_label")
        self.rpps_message_label.setWordWrap(True)
        self.rpps_message_label.setVisible(False)

        self.rpps_field_layout.addWidget(self.rpps_message_label)


        self.professional_group_box_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.rpps_field_layout)

        self.rpps_confirm_checkbox = QCheckBox(self.professional_group_box)
        self.rpps_confirm_checkbox.setObjectName(u"rpps_confirm_checkbox")
        self.rpps_confirm_checkbox.setVisible(False)

        self.professional_group_box_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rpps_confirm_checkbox)

        self.adeli_label = QLabel(self.professional_group_box)
        self.adeli_label.setObjectName(u"adeli_label")
        self.adeli_label.setMinimumSize(QSize(0, 30))
        self.adeli_label.setMaximumSize(QSize(16777215, 30))
        self.adeli_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.professional_group_box_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.adeli_label)

        self.adeli_field_layout = QVBoxLayout()
        self.adeli_field_layout.setSpacing(2)
        self.adeli_field_layout.setObjectName(u"adeli_field_layout")
        self.adeli_edit = QLineEdit(self.professional_group_box)
        self.adeli_edit.setObjectName(u"adeli_edit")
        self.adeli_edit.setMaxLength(12)

        self.adeli_field_layout.addWidget(self.adeli_edit)

        self.adeli_message_label = FieldMessage(self.professional_group_box)
        self.adeli_message_label.setObjectName(u"adeli_message_label")
        self.adeli_message_label.setWordWrap(True)
        self.adeli_message_label.setVisible(False)

        self.adeli_field_layout.addWidget(self.adeli_message_label)


        self.professional_group_box_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.adeli_field_layout)

        self.structure_label = QLabel(self.professional_group_box)
        self.structure_label.setObjectName(u"structure_label")
        self.structure_label.setMinimumSize(QSize(0, 30))
        self.structure_label.setMaximumSize(QSize(16777215, 30))
        self.structure_label.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.professional_group_box_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.structure_label)

        self.structure_field_layout = QVBoxLayout()
        self.structure_field_layout.setSpacing(2)
        self.structure_field_layout.setObjectName(u"structure_field_layout")
        self.structure_combo = QComboBox(self.professional_group_box)
        self.structure_combo.setObjectName(u"structure_combo")

        self.structure_field_layout.addWidget(self.structure_combo)

        self.structure_message_label = FieldMessage(self.professional_group_box)
        self.structure_message_label.setObjectName(u"structure_message_label")
        self.structure_message_label.setWordWrap(True)
        self.structure_message_label.setVisible(False)

        self.structure_field_layout.addWidget(self.structure_message_label)


        self.professional_group_box_form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.structure_field_layout)


        self.right_column_layout.addWidget(self.professional_group_box)

        self.assisted_group_box = QGroupBox(UserDialog)
        self.assisted_group_box.setObjectName(u"assisted_group_box")
        self.assisted_layout = QVBoxLayout(self.assisted_group_box)
        self.assisted_layout.setObjectName(u"assisted_layout")
        self.assisted_hint_label = FieldMessage(self.assisted_group_box)
        self.assisted_hint_label.setObjectName(u"assisted_hint_label")
        self.assisted_hint_label.setWordWrap(True)

        self.assisted_layout.addWidget(self.assisted_hint_label)

        self.assisted_list = QListWidget(self.assisted_group_box)
        self.assisted_list.setObjectName(u"assisted_list")
        self.assisted_list.setMinimumSize(QSize(0, 90))

        self.assisted_layout.addWidget(self.assisted_list)

        self.assisted_practitioner_ids_message_label = FieldMessage(self.assisted_group_box)
        self.assisted_practitioner_ids_message_label.setObjectName(u"assisted_practitioner_ids_message_label")
        self.assisted_practitioner_ids_message_label.setWordWrap(True)
        self.assisted_practitioner_ids_message_label.setVisible(False)

        self.assisted_layout.addWidget(self.assisted_practitioner_ids_message_label)


        self.right_column_layout.addWidget(self.assisted_group_box)

        self.right_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right_column_layout.addItem(self.right_spacer)


        self.columns_layout.addLayout(self.right_column_layout)


        self.main_layout.addLayout(self.columns_layout)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.required_hint_label = QLabel(UserDialog)
        self.required_hint_label.setObjectName(u"required_hint_label")

        self.button_layout.addWidget(self.required_hint_label)

        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.cancel_button = QPushButton(UserDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(UserDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.login_label.setBuddy(self.login_edit)
        self.first_name_label.setBuddy(self.first_name_edit)
        self.last_name_label.setBuddy(self.last_name_edit)
        self.role_label.setBuddy(self.role_combo)
        self.email_label.setBuddy(self.email_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.profession_label.setBuddy(self.profession_edit)
        self.specialty_label.setBuddy(self.specialty_edit)
        self.rpps_label.setBuddy(self.rpps_edit)
        self.adeli_label.setBuddy(self.adeli_edit)
        self.structure_label.setBuddy(self.structure_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.login_edit, self.first_name_edit)
        QWidget.setTabOrder(self.first_name_edit, self.last_name_edit)
        QWidget.setTabOrder(self.last_name_edit, self.role_combo)
        QWidget.setTabOrder(self.role_combo, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.profession_edit)
        QWidget.setTabOrder(self.profession_edit, self.specialty_edit)
        QWidget.setTabOrder(self.specialty_edit, self.rpps_edit)
        QWidget.setTabOrder(self.rpps_edit, self.rpps_confirm_checkbox)
        QWidget.setTabOrder(self.rpps_confirm_checkbox, self.adeli_edit)
        QWidget.setTabOrder(self.adeli_edit, self.structure_combo)
        QWidget.setTabOrder(self.structure_combo, self.assisted_list)
        QWidget.setTabOrder(self.assisted_list, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.save_button)

        self.retranslateUi(UserDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"User account", None))
        self.banner_label.setText("")
        self.account_group_box.setTitle(QCoreApplication.translate("UserDialog", u"Account", None))
        self.login_label.setText(QCoreApplication.translate("UserDialog", u"Login *", None))
        self.login_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"e.g. jdupont", None))
        self.login_message_label.setText("")
        self.first_name_label.setText(QCoreApplication.translate("UserDialog", u"First name *", None))
        self.first_name_message_label.setText("")
        self.last_name_label.setText(QCoreApplication.translate("UserDialog", u"Last name *", None))
        self.last_name_message_label.setText("")
        self.role_label.setText(QCoreApplication.translate("UserDialog", u"Role *", None))
        self.role_message_label.setText("")
        self.email_label.setText(QCoreApplication.translate("UserDialog", u"Professional e-mail", None))
        self.email_message_label.setText("")
        self.phone_label.setText(QCoreApplication.translate("UserDialog", u"Phone", None))
        self.phone_message_label.setText("")
        self.professional_group_box.setTitle(QCoreApplication.translate("UserDialog", u"Professional identity", None))
        self.profession_label.setText(QCoreApplication.translate("UserDialog", u"Profession", None))
        self.profession_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"e.g. M\u00e9decin", None))
        self.profession_message_label.setText("")
        self.specialty_label.setText(QCoreApplication.translate("UserDialog", u"Specialty", None))
        self.specialty_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"e.g. G\u00e9n\u00e9tique m\u00e9dicale", None))
        self.specialty_message_label.setText("")
        self.rpps_label.setText(QCoreApplication.translate("UserDialog", u"RPPS", None))
        self.rpps_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"11 digits", None))
        self.rpps_message_label.setText("")
        self.rpps_confirm_checkbox.setText(QCoreApplication.translate("UserDialog", u"I confirm that this RPPS number is correct", None))
        self.adeli_label.setText(QCoreApplication.translate("UserDialog", u"ADELI", None))
        self.adeli_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"9 digits", None))
        self.adeli_message_label.setText("")
        self.structure_label.setText(QCoreApplication.translate("UserDialog", u"Structure", None))
        self.structure_message_label.setText("")
        self.assisted_group_box.setTitle(QCoreApplication.translate("UserDialog", u"Practitioners assisted", None))
        self.assisted_hint_label.setText(QCoreApplication.translate("UserDialog", u"Tick the practitioners whose patient files this secretary manages.", None))
        self.assisted_practitioner_ids_message_label.setText("")
        self.required_hint_label.setText(QCoreApplication.translate("UserDialog", u"* required", None))
        self.cancel_button.setText(QCoreApplication.translate("UserDialog", u"Cancel", None))
        self.save_button.setText(QCoreApplication.translate("UserDialog", u"Save", None))
    # retranslateUi


"""OISO Desktop — Outil d'Identification et de Suivi en Oncogénétique."""

__version__ = "0.1.0"
APP_NAME = "OISO Desktop"

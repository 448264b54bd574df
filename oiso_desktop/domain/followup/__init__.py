"""Follow-up: surveillance protocols, the plan engine, worklists, appointments.

Pure domain code (no Qt, no SQL). Plan items name exams and dates only, never a
gene or a variant: secretaries read them without the clinical key.
"""

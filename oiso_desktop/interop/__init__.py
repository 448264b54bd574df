"""Exchange formats: domain objects to and from standard documents (FHIR R4).

No database, no services, no Qt: what goes in and out are the domain's frozen objects.
"""

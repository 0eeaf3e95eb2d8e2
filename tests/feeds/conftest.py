from tests.api.conftest import published  # noqa: F401  (the same three disclosures)

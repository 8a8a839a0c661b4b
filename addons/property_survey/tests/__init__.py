from . import test_property_survey_access

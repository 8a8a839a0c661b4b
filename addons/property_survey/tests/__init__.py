from . import test_property_survey_access
from . import test_sampling

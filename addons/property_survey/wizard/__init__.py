from . import property_survey_swap_wizard
from . import property_consultation_phone

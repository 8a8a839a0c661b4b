from . import property_survey_swap_wizard

from . import test_property_survey_access
from . import test_sampling
from . import test_independence_secrecy
from . import test_validity
from . import test_results
from . import test_report
from . import test_pulse
from . import test_tours

from . import test_property_unit
from . import test_property_owner_file
from . import test_property_key_customer
from . import test_property_cs_security
from . import test_property_cs_performance
from . import test_property_cs_portal
from . import test_property_ticket
from . import test_property_cs_import

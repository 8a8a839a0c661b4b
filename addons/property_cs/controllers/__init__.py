from . import portal
from . import faq
from . import complaint
from . import privacy
from . import complaint_tracking
from . import fapiao
from . import renovation

from . import portal
from . import faq
from . import complaint
from . import privacy

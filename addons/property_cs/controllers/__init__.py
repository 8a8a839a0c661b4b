from . import portal
from . import faq

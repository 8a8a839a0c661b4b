from . import portal
from . import vote

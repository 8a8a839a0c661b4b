from . import vote

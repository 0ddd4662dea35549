"""``python -m tipgraph.cli``: the same commands as the ``tipgraph`` script."""
from . import main

if __name__ == "__main__":
    main()

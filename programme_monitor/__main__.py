import sys

from programme_monitor.cli import main

sys.exit(main())

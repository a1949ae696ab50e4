import sys

from programme_monitor.build import main

sys.exit(main())

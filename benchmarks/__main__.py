"""`python -m benchmarks` (`make bench`): registration and name search on the demo camp and on a
registry of 100,000 people, on SQLite and on PostgreSQL, then a summary table.

Options: --parts registration,search  --backends sqlite,postgresql  --people 2000,100000
         --posts 40  --queries 100
"""

import sys

from benchmarks.launch import main
from benchmarks.report import format_summary, machine_lines

if __name__ == "__main__":
    runs = main(sys.argv[1:])
    if runs:
        print("\n" + machine_lines(runs[0])[0])
        print(format_summary(runs))

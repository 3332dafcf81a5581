#!/usr/bin/env bash
# The fault command (issue 15, section 6): builds the suite, starts it at scale 2 and runs every fault schedule of
# system-tests' FaultScheduleIT during a steady burst of patrol reports; the table is printed and written to
# system-tests/target/faults/results.md. Takes about an hour on 2 cores. Options go to Maven, e.g.
#   ./faults.sh -Dfaults.schedules=kill-gateway,mongo-down -Dfaults.rate=3
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec ./mvnw -B verify -Pfaults -am \
  -pl devstack,registry,auth-server,gateway,grid-service,case-service,mediation-service,petition-service,notification-service,system-tests "$@"

#!/usr/bin/env bash
# deploy/local/scenario.sh — the walking skeleton's story, through the gateway, with curl.
# Needs the system running (deploy/local/run.sh) and python3 (to read JSON). G overrides the gateway URL.
set -euo pipefail
G=${G:-http://127.0.0.1:5000}
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf -X POST "$G/api/dev/token" -H 'content-type: application/json' \
  -d '{"name":"Partnership officer","roles":["governance-admin","meetings-secretary"]}' | json '["access_token"]')
post() { curl -s -X POST "$G$1" -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d "$2"; }
get() { curl -s "$G$1" -H "Authorization: Bearer $TOKEN"; }
step() { printf '\n== %s\n' "$*"; }

step "Register five responsible authorities and a co-operating body"
ORGS=()
for n in "Kent Police" "Kent Fire and Rescue" "Kent County Council" "NHS Kent and Medway ICB" "Probation Service"; do
  ORGS+=("$(post /api/governance/organisations "{\"name\":\"$n\",\"kind\":\"ResponsibleAuthority\"}" | json '["id"]')")
done
VRU=$(post /api/governance/organisations '{"name":"Violence Reduction Unit","kind":"CooperatingBody"}' | json '["id"]')
echo "organisations: ${ORGS[*]} $VRU"

step "Create the Working Group (quorum: 4 responsible authorities) and appoint its members"
BODY=$(post /api/governance/bodies '{"name":"KCSP Working Group","kind":"WorkingGroup","cadence":"Quarterly"}' | json '["id"]')
MEMBERS=()
for i in 0 1 2 3; do
  role=Member; ((i == 0)) && role=Chair
  MEMBERS+=("$(post "/api/governance/bodies/$BODY/members" \
    "{\"organisationId\":\"${ORGS[$i]}\",\"personName\":\"Representative $i\",\"role\":\"$role\"}" | json '["membershipId"]')")
done
VRU_MEMBER=$(post "/api/governance/bodies/$BODY/members" "{\"organisationId\":\"$VRU\",\"personName\":\"VRU lead\",\"role\":\"Member\"}" | json '["membershipId"]')
SUB=$(post "/api/governance/bodies/$BODY/members/${MEMBERS[3]}/substitutes" '{"name":"Named Deputy"}' | json '["substituteId"]')
echo "body $BODY, memberships ${MEMBERS[*]} $VRU_MEMBER, substitute $SUB for member 3"

step "Wait until Meetings has heard the membership from Governance (over RabbitMQ)"
for _ in $(seq 1 100); do
  n=$(get "/api/meetings/bodies/$BODY" | python3 -c 'import sys,json
try: d=json.load(sys.stdin); print(sum(len(m["substitutes"]) for m in d["members"]) + len(d["members"]))
except Exception: print(0)')
  [[ $n == 6 ]] && break
  sleep 0.2
done
echo "Meetings knows 5 members and 1 substitute"

step "Schedule a meeting; three authorities and the co-operating body attend"
MEETING=$(post /api/meetings/meetings "{\"bodyId\":\"$BODY\",\"startsAt\":\"2026-12-03T10:00:00Z\",\"location\":\"Maidstone\"}" | json '["id"]')
for m in "${MEMBERS[0]}" "${MEMBERS[1]}" "${MEMBERS[2]}" "$VRU_MEMBER"; do
  post "/api/meetings/meetings/$MEETING/attendance" "{\"membershipId\":\"$m\",\"kind\":\"Present\"}"
done
get "/api/meetings/meetings/$MEETING/quorum"; echo

DECISION='{"text":"Allocate Crime Reduction Grant to the youth diversion project","consensusReached":true,"agendaReference":"4.2"}'
step "Record a decision: refused, the meeting is not quorate"
post "/api/meetings/meetings/$MEETING/decisions" "$DECISION"; echo

step "The named substitute attends for the fourth authority; record the decision again"
post "/api/meetings/meetings/$MEETING/attendance" "{\"membershipId\":\"${MEMBERS[3]}\",\"kind\":\"Substitute\",\"substituteId\":\"$SUB\"}"
post "/api/meetings/meetings/$MEETING/decisions" "$DECISION"; echo

step "The decision register"
get "/api/meetings/decisions?bodyId=$BODY"; echo

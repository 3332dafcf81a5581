#!/usr/bin/env bash
# Sign in as a demo user and print an access token, with curl only (authorization code + PKCE, as the app does).
# usage: user-token.sh USERNAME [PASSWORD]   env: AUTH (default http://localhost:9000)
set -euo pipefail
AUTH=${AUTH:-http://localhost:9000}; USER_NAME=$1; PASSWORD=${2:-${AUTH_DEMO_PASSWORD:-tanchang-demo}}
JAR=$(mktemp); trap 'rm -f "$JAR"' EXIT
VERIFIER=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
REDIRECT=http://127.0.0.1:8765/callback
# 1. start the authorization (remembered in the session), 2. fetch the login form for its CSRF token
curl -s -o /dev/null -c "$JAR" -b "$JAR" -H 'Accept: text/html' \
  "$AUTH/oauth2/authorize?response_type=code&client_id=tanchang-cli&scope=openid+profile&state=cli&redirect_uri=$REDIRECT&code_challenge=$CHALLENGE&code_challenge_method=S256"
CSRF=$(curl -s -c "$JAR" -b "$JAR" -H 'Accept: text/html' "$AUTH/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
# 3. sign in: answers with a redirect back to the authorization, 4. which answers with a redirect carrying the code
NEXT=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" --data-urlencode "username=$USER_NAME" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$AUTH/login")
case "$NEXT" in *oauth2/authorize*) ;; *) echo "sign-in failed ($NEXT)" >&2; exit 1;; esac
CODE=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" -H 'Accept: text/html' "$NEXT" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
# 5. exchange the code (the CLI client is confidential: its secret plus the PKCE verifier)
curl -s -u "tanchang-cli:${AUTH_CLI_SECRET:-tanchang-cli-secret}" -d grant_type=authorization_code -d "code=$CODE" \
  -d "redirect_uri=$REDIRECT" -d "code_verifier=$VERIFIER" "$AUTH/oauth2/token"
echo

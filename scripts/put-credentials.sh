#!/usr/bin/env bash
# make credentials SSM_PATH=/qfpay/prod: stores the QFPay credentials where the function reads them:
# <path>/app-code (String), <path>/client-key (SecureString; KMS_KEY_ID= for a customer-managed key)
# and, for agents, <path>/mchid. It prompts for them, and hands the key to the AWS CLI through a pipe
# (file:///dev/fd/N), so it never appears in shell history, in the process list or on disk.
# Run it again to rotate (--overwrite). Extra arguments go to every `aws ssm put-parameter`.
set -euo pipefail
path=${1:-}
shift || true
case "$path" in
  /*) ;;
  *) echo "usage: make credentials SSM_PATH=/qfpay/prod [KMS_KEY_ID=alias/your-key]" >&2; exit 2 ;;
esac
path=${path%/}
read -r -p "QFPay app code: " app_code
read -r -s -p "QFPay client key (not shown): " client_key
echo
read -r -p "Merchant id (agents only; leave empty otherwise): " mchid
[ -n "$app_code" ] && [ -n "$client_key" ] || { echo "app code and client key are both needed" >&2; exit 2; }
key_id=()
[ -z "${KMS_KEY_ID:-}" ] || key_id=(--key-id "$KMS_KEY_ID")

aws ssm put-parameter --overwrite --name "$path/app-code" --type String --value "$app_code" "$@" >/dev/null
aws ssm put-parameter --overwrite --name "$path/client-key" --type SecureString "${key_id[@]}" \
  --value file://<(printf '%s' "$client_key") "$@" >/dev/null
if [ -n "$mchid" ]; then
  aws ssm put-parameter --overwrite --name "$path/mchid" --type String --value "$mchid" "$@" >/dev/null
fi
echo "Stored $path/app-code, $path/client-key (SecureString)${mchid:+ and $path/mchid}."

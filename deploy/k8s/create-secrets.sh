#!/bin/bash
# Creates every Secret the Kubernetes manifests read (docs/operations.md#secrets), with random values wherever a value
# can be made up. Never overwrites a Secret that exists: safe to run again, and rotation stays a deliberate step.
#   NAMESPACE=skillwise STRIPE_API_KEY=... STRIPE_WEBHOOK_SECRET=... \
#   BACKUP_S3_ACCESS_KEY_ID=... BACKUP_S3_SECRET_ACCESS_KEY=... deploy/k8s/create-secrets.sh [--dry-run]
# Optional: SMTP_USERNAME/SMTP_PASSWORD (the relay's login), S3_ACCESS_KEY/S3_SECRET_KEY (catalog's bucket when the pods
# have no IAM role), APP_REDIRECT_URI/APP_WEB_ORIGIN (the apps' sign-in return, default https://skillwise.example).
# --dry-run prints the Secrets as YAML and touches no cluster.
set -euo pipefail
namespace="${NAMESPACE:-skillwise}"
dry_run=false
[[ "${1:-}" == "--dry-run" ]] && dry_run=true
command -v openssl > /dev/null || { echo "openssl is needed to generate secrets" >&2; exit 1; }
required() {
    local name="$1"
    [[ -n "${!name:-}" ]] || { echo "$name is not set (docs/operations.md#secrets)" >&2; exit 1; }
    printf '%s' "${!name}"
}
random() {
    openssl rand -hex 24
}

# create NAME [kubectl create secret arguments...]
create() {
    local name="$1"
    shift
    if $dry_run; then
        kubectl create secret "$@" "$name" --namespace "$namespace" --dry-run=client -o yaml
        echo "---"
    elif kubectl get secret "$name" --namespace "$namespace" > /dev/null 2>&1; then
        echo "secret/$name exists: kept" >&2
    else
        kubectl create secret "$@" "$name" --namespace "$namespace" > /dev/null
        echo "secret/$name created" >&2
    fi
}

for database in identity catalog enrollment payment promotion analytics keycloak; do
    create "postgres-$database" generic --type=kubernetes.io/basic-auth \
        --from-literal=username="$database" --from-literal=password="$(random)"
done
for user in review notification backup; do
    create "mongo-$user-password" generic --from-literal=password="$(random)"
done
create redis generic --from-literal=password="$(random)"
create keycloak-clients generic --from-literal=identity-service="$(random)" \
    --from-literal=payment-service="$(random)" --from-literal=notification-service="$(random)"
create keycloak-app generic --from-literal=redirect-uri="${APP_REDIRECT_URI:-https://skillwise.example/*}" \
    --from-literal=web-origin="${APP_WEB_ORIGIN:-https://skillwise.example}"
create keycloak-bootstrap-admin generic --from-literal=username="admin-$(openssl rand -hex 4)" \
    --from-literal=password="$(random)"
key_id="k$(date -u +%Y%m%d)"
create identity-crypto generic --from-literal="SKILLWISE_IDENTITY_CRYPTO_KEYS_${key_id^^}=$(openssl rand -base64 32)" \
    --from-literal=SKILLWISE_IDENTITY_CRYPTO_ACTIVEKEY="$key_id"
create catalog-content generic --from-literal=url-signing-secret="$(openssl rand -hex 32)" \
    --from-literal=s3-access-key="${S3_ACCESS_KEY:-}" --from-literal=s3-secret-key="${S3_SECRET_KEY:-}"
create stripe generic --from-literal=api-key="$(required STRIPE_API_KEY)" \
    --from-literal=webhook-secret="$(required STRIPE_WEBHOOK_SECRET)"
create smtp generic --from-literal=username="${SMTP_USERNAME:-}" --from-literal=password="${SMTP_PASSWORD:-}"
create backup-s3 generic --from-literal=ACCESS_KEY_ID="$(required BACKUP_S3_ACCESS_KEY_ID)" \
    --from-literal=ACCESS_SECRET_KEY="$(required BACKUP_S3_SECRET_ACCESS_KEY)"

#!/bin/sh
# The init step of docker-compose.yml: the bucket of catalog's lesson files, and a key for catalog-service that may
# use only that bucket (the root credentials stay with MinIO). Safe to run again.
set -eu
mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing local/skillwise-content
cat > /tmp/catalog-policy.json <<JSON
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*"],
  "Resource": ["arn:aws:s3:::skillwise-content", "arn:aws:s3:::skillwise-content/*"]}]}
JSON
mc admin policy create local catalog-content /tmp/catalog-policy.json
mc admin user add local "$CATALOG_S3_ACCESS_KEY" "$CATALOG_S3_SECRET_KEY"
# on a second run the policy is attached already, which mc reports as an error
mc admin policy attach local catalog-content --user "$CATALOG_S3_ACCESS_KEY" || echo "policy already attached"

#!/bin/bash
# The container's health: this instance's readiness on the management port (the image has no curl; bash opens the
# connection itself). Healthy only on HTTP 200.
exec 3<>"/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-9090}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[[ "$status" == "200" ]]

#!/usr/bin/env bash
# Used by ./mvnw, ./skillwise and .ci/run: prints the home of a JDK >= 21 (a suitable JAVA_HOME first, else the newest found).
# Order: an already suitable JAVA_HOME, then `java` on the PATH, then the usual install folders.

skillwise_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

skillwise_find_jdk() {
  local candidates=() best="" best_major=0 dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  # A suitable JAVA_HOME chosen by the user wins.
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(skillwise_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(skillwise_java_major "$dir")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then best="$dir"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return 0; fi
  return 1
}

if ! skillwise_find_jdk; then
  echo "SkillWise needs a JDK 21 or newer; none was found (looked at JAVA_HOME, java on the PATH and /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 1
fi

# Shared by the bench scripts: a JDK 21+ (JAVA_HOME, else the newest under /usr/lib/jvm), and the test classpath.
jdk_ok() { "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if ! jdk_ok "${JAVA_HOME:+$JAVA_HOME/bin/}java"; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "${jdk}bin/javac" ] && jdk_ok "${jdk}bin/java"; then export JAVA_HOME="${jdk%/}"; break; fi
  done
fi

-- Makes wrk print its summary as one line of JSON after its report, so LoadGenerator reads the figures with a JSON
-- parser instead of matching wrk's human-readable text. Durations and latencies are in microseconds.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('\n{"requests":%d,"durationMicros":%d,"connectErrors":%d,"readErrors":%d,'
    .. '"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"p50Micros":%d,"p99Micros":%d}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end

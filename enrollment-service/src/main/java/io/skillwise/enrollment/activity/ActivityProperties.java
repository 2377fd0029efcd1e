package io.skillwise.enrollment.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param maxHeartbeat the most time one heartbeat can add, whatever the client claims
 * @param sessionGap   a heartbeat after a longer silence starts a new view of the lesson
 * @param liveLength   how long a scheduled lesson runs when the instructor gave no duration
 * @param liveGrace    latecomers still count as attending this long after a live lesson's end
 */
@ConfigurationProperties("skillwise.enrollment.activity")
public record ActivityProperties(Duration maxHeartbeat, Duration sessionGap, Duration liveLength, Duration liveGrace) {

    public ActivityProperties {
        maxHeartbeat = maxHeartbeat == null ? Duration.ofSeconds(60) : maxHeartbeat;
        sessionGap = sessionGap == null ? Duration.ofMinutes(30) : sessionGap;
        liveLength = liveLength == null ? Duration.ofHours(1) : liveLength;
        liveGrace = liveGrace == null ? Duration.ofMinutes(15) : liveGrace;
    }
}

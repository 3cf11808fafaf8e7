package io.encaisse.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	BusinessClock businessClock(@Value("${encaisse.time-zone:Europe/Paris}") String zone) {
		return new BusinessClock(Clock.system(ZoneId.of(zone)));
	}

}

package io.encaisse.shared.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import io.encaisse.shared.BusinessDates;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages in French or English: the browser's language first, {@code ?lang=en|fr} to switch
 * (kept in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("encaisse-lang");
		resolver.setDefaultLocaleFunction(request -> {
			Locale requested = request.getLocale();
			return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
		});
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/** Dates in query parameters and forms: ISO, strict, from 1900 to 2999. */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
			@Override
			public LocalDate parse(String text, Locale locale) {
				LocalDate date = LocalDate.parse(text.trim());
				if (!BusinessDates.plausible(date)) {
					throw new IllegalArgumentException(BusinessDates.RULE);
				}
				return date;
			}

			@Override
			public String print(LocalDate date, Locale locale) {
				return date.toString();
			}
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}

}

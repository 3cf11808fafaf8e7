package io.encaisse.shared.web;

import java.time.LocalDate;

import io.encaisse.shared.BusinessDates;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Texts and dates of JSON bodies, refused where they are read, naming the field (a 400):
 * a NUL character, since no database column stores it (PostgreSQL refuses it at the
 * insert); a date outside {@link BusinessDates}.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

	@Bean
	JacksonModule refuseNulInTexts() {
		SimpleModule module = new SimpleModule("encaisse-texts");
		module.addDeserializer(String.class, new Texts());
		module.setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return description.getBeanClass() == LocalDate.class ? new Dates(deserializer) : deserializer;
			}
		});
		return module;
	}

	/**
	 * ISO dates, from 1900 to 2999 ({@link BusinessDates}): whichever deserializer reads
	 * a date, this checks what it read.
	 */
	static final class Dates extends DelegatingDeserializer {

		Dates(ValueDeserializer<?> delegatee) {
			super(delegatee);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
			return new Dates(delegatee);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			Object value = super.deserialize(parser, context);
			if (value instanceof LocalDate date && !BusinessDates.plausible(date)) {
				throw new ImplausibleDate(parser, date);
			}
			return value;
		}

	}

	/** A date outside {@link BusinessDates}. */
	static final class ImplausibleDate extends InvalidFormatException {

		ImplausibleDate(JsonParser parser, LocalDate date) {
			super(parser, BusinessDates.RULE, date, LocalDate.class);
		}

	}

	static final class Texts extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\u0000') >= 0) {
				throw new UnstorableText(parser, text);
			}
			return text;
		}

	}

	/** A text holding the NUL character. */
	static final class UnstorableText extends InvalidFormatException {

		UnstorableText(JsonParser parser, String text) {
			super(parser, "must not contain the NUL character", text, String.class);
		}

	}

}

package io.encaisse.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Texts of JSON bodies: a NUL character is refused where it is read, naming the field (a
 * 400), since no database column stores it (PostgreSQL refuses it at the insert).
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

	@Bean
	JacksonModule refuseNulInTexts() {
		SimpleModule module = new SimpleModule("encaisse-texts");
		module.addDeserializer(String.class, new Texts());
		return module;
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

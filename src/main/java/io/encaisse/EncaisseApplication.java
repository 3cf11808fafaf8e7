package io.encaisse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Encaisse: quote, order, invoice, cash. One deployable, cut into the modules of the
 * order-to-cash chain (see docs/adr and ARCHITECTURE in the README).
 */
@SpringBootApplication
@EnableScheduling
public class EncaisseApplication {

	public static void main(String[] args) {
		SpringApplication.run(EncaisseApplication.class, args);
	}

}

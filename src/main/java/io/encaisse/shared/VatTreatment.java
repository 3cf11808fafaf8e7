package io.encaisse.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How VAT applies to a line sold by a French seller, from where the buyer is and whether
 * the line is goods or a service: the EN 16931 VAT category (UNCL 5305), the rate, and
 * the legal wording the invoice must print when no VAT is charged.
 * <ul>
 * <li>buyer in France or Monaco, or an EU buyer without a VAT number (a consumer): the
 * product's rate, category S, or E with the product's exemption wording at 0 %;</li>
 * <li>EU business buyer (VAT number), goods: intra-community supply, category K, 0 %,
 * "Exonération de TVA, article 262 ter I du CGI";</li>
 * <li>EU business buyer, services: reverse charge, category AE, 0 %, "Autoliquidation"
 * (article 283-2 du CGI, article 196 of directive 2006/112/CE);</li>
 * <li>buyer outside the EU: export, category G, 0 %, "Exonération de TVA, article 262 I
 * du CGI" for goods, "TVA non applicable, article 259-1 du CGI" for services.</li>
 * </ul>
 * One-stop-shop thresholds for distance sales to EU consumers are not handled: such sales
 * are taxed as domestic ones.
 */
public record VatTreatment(String category, BigDecimal rate, String exemptionReason) {

	/** Standard rate (any rate above zero). */
	public static final String STANDARD = "S";

	/** Exempt, with the product's legal wording. */
	public static final String EXEMPT = "E";

	/** Reverse charge: the buyer accounts for the VAT. */
	public static final String REVERSE_CHARGE = "AE";

	/** Intra-community supply of goods. */
	public static final String INTRA_COMMUNITY = "K";

	/** Export outside the EU. */
	public static final String EXPORT = "G";

	public static final String REVERSE_CHARGE_WORDING = "Autoliquidation — article 283-2 du CGI, article 196 de la directive 2006/112/CE";

	public static final String INTRA_COMMUNITY_WORDING = "Exonération de TVA, article 262 ter I du CGI — livraison intracommunautaire";

	public static final String EXPORT_GOODS_WORDING = "Exonération de TVA, article 262 I du CGI — exportation";

	public static final String EXPORT_SERVICES_WORDING = "TVA non applicable, article 259-1 du CGI";

	private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
			"EL", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	/**
	 * The treatment of a line for a buyer in {@code buyerCountry} (ISO 3166 alpha-2; none
	 * means France) with or without a VAT number.
	 */
	public static VatTreatment of(String buyerCountry, String buyerVatNumber, boolean service, BigDecimal productRate,
			String productExemption) {
		String country = buyerCountry == null || buyerCountry.isBlank() ? "FR"
				: buyerCountry.trim().toUpperCase(Locale.ROOT);
		boolean business = buyerVatNumber != null && !buyerVatNumber.isBlank();
		if (isDomestic(country) || (EU.contains(country) && !business)) {
			return domestic(productRate, productExemption);
		}
		if (EU.contains(country)) {
			return service ? new VatTreatment(REVERSE_CHARGE, ZERO, REVERSE_CHARGE_WORDING)
					: new VatTreatment(INTRA_COMMUNITY, ZERO, INTRA_COMMUNITY_WORDING);
		}
		return new VatTreatment(EXPORT, ZERO, service ? EXPORT_SERVICES_WORDING : EXPORT_GOODS_WORDING);
	}

	/** The product's own rate: S above zero, E (with its wording) at zero. */
	public static VatTreatment domestic(BigDecimal rate, String exemption) {
		return rate.signum() == 0 ? new VatTreatment(EXEMPT, ZERO, exemption)
				: new VatTreatment(STANDARD, rate.setScale(2, java.math.RoundingMode.UNNECESSARY), null);
	}

	/** France and Monaco (which shares French VAT). */
	public static boolean isDomestic(String country) {
		return country == null || country.isBlank() || "FR".equalsIgnoreCase(country) || "MC".equalsIgnoreCase(country);
	}

	/** The category a line of this rate had before categories were kept: S or E. */
	public static String defaultCategory(BigDecimal rate) {
		return rate.signum() == 0 ? EXEMPT : STANDARD;
	}

	/** Units that are services rather than goods. */
	public static boolean isService(String unit) {
		return switch (unit == null ? "" : unit) {
			case "hour", "day", "month", "year", "licence" -> true;
			default -> false;
		};
	}

}

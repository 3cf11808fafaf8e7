package io.encaisse.quotes;

public enum QuoteStatus {

	DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED

}

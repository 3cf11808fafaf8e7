package io.encaisse.quotes;

public enum QuoteStatus {

	DRAFT, PENDING_APPROVAL, SENT, ACCEPTED, DECLINED, EXPIRED

}

package io.govflow.store.dialectic;

import java.util.List;

/**
 * Every readable session as stored now, for scans over all sessions (the governance.dialectic context document,
 * reviews in progress). Takes no lock and never writes; a damaged session is logged and left out.
 */
public interface SessionListing {

    List<DialecticSession> all();
}

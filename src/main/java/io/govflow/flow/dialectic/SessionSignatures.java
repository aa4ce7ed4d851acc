package io.govflow.flow.dialectic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.check.Problem;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;

/** The signature check of every transcript message of a session, and the refusal to resolve a tampered one. */
public final class SessionSignatures {

    static final String UNVERIFIABLE = "SIGNATURE_UNVERIFIABLE";
    static final String INVALID = "SIGNATURE_INVALID";

    private final MessageSigner signer;

    public SessionSignatures(MessageSigner signer) {
        this.signer = signer;
    }

    /** One message's result, by its index in the transcript. */
    public record Checked(int index, String agentId, String phase, SignatureStatus status) {
    }

    public List<Checked> check(DialecticSession session) {
        List<Checked> checked = new ArrayList<>();
        List<DialecticMessage> transcript = session.transcript();
        for (int i = 0; i < transcript.size(); i++) {
            DialecticMessage m = transcript.get(i);
            checked.add(new Checked(i, m.agentId(), m.phase(), signer.verify(m)));
        }
        return checked;
    }

    /** {@code SESSION_SIGNATURE_INVALID} when any message does not match its signature; unverifiable ones pass. */
    public void requireNoneInvalid(DialecticSession session) {
        for (Checked c : check(session)) {
            if (c.status() == SignatureStatus.INVALID) {
                throw GovflowException.withDetails(ErrorCode.SESSION_SIGNATURE_INVALID,
                        Map.of("session_id", session.sessionId(), "message_index", c.index()));
            }
        }
    }

    /** Reported, never blocking: messages no key Govflow holds can check; and the invalid ones, as errors. */
    public static List<Problem> problems(List<Checked> checked) {
        List<Problem> problems = new ArrayList<>();
        long unverifiable = checked.stream().filter(c -> c.status() == SignatureStatus.UNVERIFIABLE).count();
        long invalid = checked.stream().filter(c -> c.status() == SignatureStatus.INVALID).count();
        if (unverifiable > 0) {
            problems.add(Problem.warning(UNVERIFIABLE, "%d message(s) carry no signature this service can check "
                    .formatted(unverifiable) + "(signed by the reference with agent keys it never held); they are "
                            + "served and do not block the session."));
        }
        if (invalid > 0) {
            problems.add(Problem.error(INVALID, "%d message(s) do not match their signature: the file was changed "
                    .formatted(invalid) + "outside the service, and no resolution is applied from it."));
        }
        return problems;
    }

    /** The warnings of a session read: only {@code SIGNATURE_UNVERIFIABLE} (invalid ones show per message). */
    static List<Problem> warnings(List<Checked> checked) {
        return problems(checked).stream().filter(p -> !p.isError()).toList();
    }
}

package org.tanchang.grid.auth.citizens;

import org.tanchang.grid.platform.sms.SmsGateway;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tanchang.grid.auth.PeopleProperties;
import org.tanchang.grid.auth.admin.AuditTrail;
import org.tanchang.grid.auth.users.MobileLogin;
import org.tanchang.grid.auth.users.Role;
import org.tanchang.grid.auth.users.UserAccount;
import org.tanchang.grid.auth.users.UserAccounts;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Citizens sign up with a mobile number confirmed by a 6-digit code sent by SMS. The answer to "send me a code" is
 * the same whether the number has an account or not (an owner of a registered number gets a reminder text instead of
 * a code), so nobody learns from the API who is registered. Codes expire, a few wrong ones void the code, and a
 * number gets only so many codes an hour (counted in MongoDB, not in a per-instance bucket, so the limit holds however
 * many instances run).
 */
@Service
class SignUps {

    private static final Logger log = LoggerFactory.getLogger(SignUps.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ProblemException WRONG_CODE = new ProblemException(HttpStatus.BAD_REQUEST, "invalid-code",
            "Invalid sign-up code", "The code is wrong, expired or used up; ask for a new one", Map.of());

    private final MongoOperations mongo;
    private final UserAccounts users;
    private final MobileLogin mobiles;
    private final PasswordEncoder passwords;
    private final SmsGateway sms;
    private final AuditTrail audit;
    private final PeopleProperties.SignUp limits;
    private final Clock clock = Clock.systemUTC();

    SignUps(MongoOperations mongo, UserAccounts users, MobileLogin mobiles, PasswordEncoder passwords, SmsGateway sms,
            AuditTrail audit, PeopleProperties properties) {
        this.mongo = mongo;
        this.users = users;
        this.mobiles = mobiles;
        this.passwords = passwords;
        this.sms = sms;
        this.audit = audit;
        this.limits = properties.signUp();
    }

    void start(String input) {
        String mobile = mobile(input);
        String hash = mobiles.hash(mobile);
        Instant now = clock.instant();
        PendingSignUp pending = mongo.findById(hash, PendingSignUp.class);
        List<Instant> sent = new ArrayList<>(pending == null ? List.of() : pending.sentAt());
        sent.removeIf(at -> at.isBefore(now.minus(limits.codeWindow())));
        if (sent.size() >= limits.maxCodesPerMobile()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", "Too many codes",
                    "This number has been sent enough codes for now; try again later", Map.of());
        }
        sent.add(now);
        String reference = UUID.randomUUID().toString();
        String text;
        if (users.findByMobileHash(hash).isPresent()) {
            mongo.save(new PendingSignUp(hash, null, null, 0, sent));
            text = "此号码已注册宕昌网格，请直接用手机号登录。如非本人操作请忽略。";
        } else {
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            mongo.save(new PendingSignUp(hash, codeHash(hash, code), now.plus(limits.codeTtl()), 0, sent));
            text = "您的注册验证码是 " + code + "，" + limits.codeTtl().toMinutes() + " 分钟内有效，请勿告诉他人。";
        }
        try {
            sms.send(mobile, text, reference);
        } catch (Exception e) {
            // the caller gets the same answer; the code can be asked for again
            log.warn("sign-up text {} to {} not accepted by the SMS gateway: {}", reference,
                    MobileLogin.masked(mobile), e.toString());
        }
    }

    Confirmed confirm(String input, String code, String password, String displayName) {
        String mobile = mobile(input);
        String hash = mobiles.hash(mobile);
        PendingSignUp pending = mongo.findById(hash, PendingSignUp.class);
        if (pending == null || pending.codeHash() == null || pending.expiresAt().isBefore(clock.instant())
                || pending.attempts() >= limits.maxAttempts()) {
            throw WRONG_CODE;
        }
        if (!pending.codeHash().equals(codeHash(hash, code))) {
            mongo.save(new PendingSignUp(hash, pending.codeHash(), pending.expiresAt(), pending.attempts() + 1,
                    pending.sentAt()));
            throw WRONG_CODE;
        }
        // the code is used once, whatever follows
        mongo.save(new PendingSignUp(hash, null, null, 0, pending.sentAt()));
        String subject = "c-" + opaqueId();
        String masked = MobileLogin.masked(mobile);
        UserAccount account;
        try {
            account = users.insert(new UserAccount(null, subject,
                    displayName == null || displayName.isBlank() ? "群众" + masked.substring(7) : displayName.strip(),
                    passwords.encode(password), List.of(Role.CITIZEN), List.of(), true, hash, masked));
        } catch (DuplicateKeyException concurrentConfirm) {
            // the same code confirmed twice at once: the unique mobileHash index lets one through
            throw WRONG_CODE;
        }
        audit.record(subject, Role.CITIZEN.name(), "CITIZEN_SIGNED_UP", "CITIZEN", subject, Map.of("mobile", masked));
        return new Confirmed(account.username(), masked);
    }

    /** The new citizen's subject (the {@code sub} of their tokens) and masked number; they sign in with the number. */
    record Confirmed(String subject, String mobile) {
    }

    private static String mobile(String input) {
        return MobileLogin.normalise(input).orElseThrow(() -> ProblemException.invalid(List.of(new FieldError(
                "mobile", "must be a mainland mobile number of 11 digits starting with 13 to 19"))));
    }

    private String codeHash(String mobileHash, String code) {
        return mobiles.hash("sign-up-code:" + mobileHash + ":" + code);
    }

    private static String opaqueId() {
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

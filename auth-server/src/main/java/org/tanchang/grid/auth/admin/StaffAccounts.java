package org.tanchang.grid.auth.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tanchang.grid.auth.admin.StaffRequests.Change;
import org.tanchang.grid.auth.admin.StaffRequests.Create;
import org.tanchang.grid.auth.admin.StaffRequests.Issued;
import org.tanchang.grid.auth.admin.StaffRequests.StaffView;
import org.tanchang.grid.auth.authorization.Revocations;
import org.tanchang.grid.auth.users.Role;
import org.tanchang.grid.auth.users.UserAccount;
import org.tanchang.grid.auth.users.UserAccounts;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.web.Page;

/**
 * Staff accounts: created, changed, disabled and enabled, their passwords reset, each change audited. Roles and
 * areas are read from the account at every token issue ({@code TokenClaims}), so a change reaches the next refresh;
 * disabling and resetting also forget the account's authorizations, so its refresh tokens stop at once and its
 * access tokens within their lifetime.
 */
@Service
class StaffAccounts {

    static final int ONE_TIME_PASSWORD_LENGTH = 20;

    private final UserAccounts users;
    private final MongoOperations mongo;
    private final PasswordEncoder passwords;
    private final Revocations revocations;
    private final AuditTrail audit;

    StaffAccounts(UserAccounts users, MongoOperations mongo, PasswordEncoder passwords, Revocations revocations,
            AuditTrail audit) {
        this.users = users;
        this.mongo = mongo;
        this.passwords = passwords;
        this.revocations = revocations;
        this.audit = audit;
    }

    Issued create(Caller caller, Create request) {
        AdminScope.requireCountyAdmin(caller);
        requireStaffRole(request.role());
        List<String> areas = AdminScope.requireAreas(caller, "areaCodes", request.areaCodes(), true);
        String oneTime = request.initialPassword() == null ? OneTimePasswords.generate(ONE_TIME_PASSWORD_LENGTH) : null;
        String password = oneTime == null ? request.initialPassword() : oneTime;
        if (users.findByUsername(request.username()).isPresent()) {
            throw duplicate(request.username());
        }
        UserAccount account;
        try {
            account = users.insert(new UserAccount(null, request.username(), request.displayName().strip(),
                    passwords.encode(password), List.of(request.role()), areas, true));
        } catch (DuplicateKeyException raced) {
            throw duplicate(request.username());
        }
        audit(caller, "STAFF_CREATED", account, profile(account));
        return new Issued(view(account), oneTime);
    }

    StaffView change(Caller caller, String username, Change request) {
        AdminScope.requireCountyAdmin(caller);
        UserAccount account = staff(username);
        if (request.role() != null) {
            requireStaffRole(request.role());
        }
        List<String> areas = request.areaCodes() == null ? account.scopeCodes()
                : AdminScope.requireAreas(caller, "areaCodes", request.areaCodes(), true);
        UserAccount changed = users.save(account.withProfile(
                request.displayName() == null ? account.displayName() : request.displayName().strip(),
                request.role() == null ? account.roles() : List.of(request.role()), areas));
        audit(caller, "STAFF_CHANGED", changed, profile(changed));
        return view(changed);
    }

    StaffView setEnabled(Caller caller, String username, boolean enabled) {
        AdminScope.requireCountyAdmin(caller);
        UserAccount account = staff(username);
        UserAccount changed = users.save(account.withEnabled(enabled));
        long revoked = enabled ? 0 : revocations.ofPerson(username);
        audit(caller, enabled ? "STAFF_ENABLED" : "STAFF_DISABLED", changed, Map.of("revokedAuthorizations", revoked));
        return view(changed);
    }

    /**
     * A new random password, shown once to the admin who hands it over (in person or by phone); the old one and
     * every refresh token of the account stop working. The admin never chooses a password that would outlive the
     * hand-over in a chat or on paper, and nothing is sent to an address that may itself be compromised.
     */
    Issued resetPassword(Caller caller, String username) {
        AdminScope.requireCountyAdmin(caller);
        UserAccount account = staff(username);
        String oneTime = OneTimePasswords.generate(ONE_TIME_PASSWORD_LENGTH);
        UserAccount changed = users.save(account.withPasswordHash(passwords.encode(oneTime)));
        long revoked = revocations.ofPerson(username);
        audit(caller, "STAFF_PASSWORD_RESET", changed, Map.of("revokedAuthorizations", revoked));
        return new Issued(view(changed), oneTime);
    }

    StaffView get(Caller caller, String username) {
        UserAccount account = staff(username);
        if (!AdminScope.sees(caller, account.scopeCodes())) {
            throw ProblemException.notFound("Staff account", username);
        }
        return view(account);
    }

    Page<StaffView> list(Caller caller, String role, int page, int size) {
        Criteria staff = Criteria.where("roles").ne(Role.CITIZEN.name());
        if (role != null && !role.isBlank()) {
            staff = new Criteria().andOperator(staff, Criteria.where("roles").is(role));
        }
        List<StaffView> visible = mongo.find(Query.query(staff).with(Sort.by("username")), UserAccount.class).stream()
                .filter(a -> AdminScope.sees(caller, a.scopeCodes()))
                .map(StaffAccounts::view).toList();
        return Page.slice(visible, page, size);
    }

    private UserAccount staff(String username) {
        return users.findByUsername(username).filter(a -> !a.roles().contains(Role.CITIZEN))
                .orElseThrow(() -> ProblemException.notFound("Staff account", username));
    }

    private static void requireStaffRole(Role role) {
        if (role == Role.CITIZEN) {
            throw ProblemException.invalid(List.of(new FieldError("role",
                    "citizens sign up with their mobile number; a staff role is required")));
        }
    }

    private static ProblemException duplicate(String username) {
        return ProblemException.conflict("The username " + username + " is taken", Map.of("username", username));
    }

    private void audit(Caller caller, String action, UserAccount account, Map<String, Object> details) {
        audit.record(caller.subject(), caller.primaryRole(), action, "STAFF", account.username(), details);
    }

    private static Map<String, Object> profile(UserAccount account) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", account.displayName());
        details.put("roles", account.roleNames());
        details.put("areaCodes", account.scopeCodes());
        return details;
    }

    static StaffView view(UserAccount account) {
        return new StaffView(account.username(), account.displayName(),
                account.roles().isEmpty() ? null : account.roles().get(0).name(), account.scopeCodes(),
                account.enabled());
    }
}

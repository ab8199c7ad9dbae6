package uk.councilcomplaints.app;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;

/**
 * The signed-in user as the pages see them: who, and what they may see. Cases of children's social care are
 * restricted to users with {@link Role#CHILDRENS}: absent from every list of the others, 403 when opened.
 *
 * @param username the sign-in name, also the officer name cases are allocated to
 * @param name the display name
 * @param roles the roles
 */
public record Viewer(String username, String name, Set<Role> roles) {

    static Viewer of(Authentication auth, AppProperties properties) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        AppProperties.User user = properties.getUsers().get(auth.getName());
        String name = user != null && user.getName() != null ? user.getName() : auth.getName();
        return new Viewer(auth.getName(), name, roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isManager() {
        return is(Role.MANAGER);
    }

    /** Officers and managers work cases; the contact centre only records and triages. */
    public boolean worksCases() {
        return is(Role.OFFICER) || is(Role.MANAGER);
    }

    /** Personal data is shown to those who work cases, and each view is logged. */
    public boolean seesPersonalData() {
        return worksCases();
    }

    /** The procedures whose cases this user may list and open. */
    public Procedure[] visibleProcedures() {
        return is(Role.CHILDRENS) ? Procedure.values()
                : EnumSet.complementOf(EnumSet.of(Procedure.CHILDRENS_SOCIAL_CARE)).toArray(new Procedure[0]);
    }

    public boolean maySee(Procedure procedure) {
        return procedure != Procedure.CHILDRENS_SOCIAL_CARE || is(Role.CHILDRENS);
    }

    /** The case, if this user may open it; else 403. */
    public Complaint check(Complaint complaint) {
        if (!maySee(complaint.procedure())) {
            throw new AccessDeniedException("Cases of children's social care are restricted");
        }
        return complaint;
    }
}

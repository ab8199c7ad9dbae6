package uk.councilcomplaints.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The app's own settings ({@code council-app.*}): the council's name, demonstration data and the users. */
@ConfigurationProperties("council-app")
public class AppProperties {

    /** The council's name in the page header. */
    private String councilName = "Anyshire County Council";

    /** Load the briefing note's story and a few recent contacts on first start (into an empty store only). */
    private boolean demoData;

    /**
     * The homes the council owns, by the year ending 31 March they count for (council-app.homes.2026=5200): the
     * denominator of the tenant satisfaction measure CH01. A year without it cannot show CH01 and CH02.
     */
    private Map<Integer, Long> homes = new LinkedHashMap<>();

    /** The users: user name to name, password hash ({bcrypt}...) and roles. */
    private Map<String, User> users = new LinkedHashMap<>();

    public String getCouncilName() {
        return councilName;
    }

    public void setCouncilName(String councilName) {
        this.councilName = councilName;
    }

    public boolean isDemoData() {
        return demoData;
    }

    public void setDemoData(boolean demoData) {
        this.demoData = demoData;
    }

    public Map<Integer, Long> getHomes() {
        return homes;
    }

    public void setHomes(Map<Integer, Long> homes) {
        this.homes = homes;
    }

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    /** One user. */
    public static class User {
        private String name;
        private String password;
        private List<Role> roles = List.of();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }
    }
}

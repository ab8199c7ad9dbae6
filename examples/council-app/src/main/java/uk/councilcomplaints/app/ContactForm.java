package uk.councilcomplaints.app;

/** The fields of the record-a-contact form, as typed. */
public class ContactForm {
    private String reference = "";
    private String procedure = "";
    private String serviceArea = "";
    private String channel = "";
    private String receivedDay = "";
    private String receivedMonth = "";
    private String receivedYear = "";
    private String receivedTime = "";
    private String matterDay = "";
    private String matterMonth = "";
    private String matterYear = "";
    private String name = "";
    private String email = "";
    private String phone = "";
    private String address = "";
    private String summary = "";
    private String lateReason = "";

    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public String getProcedure() { return procedure; }
    public void setProcedure(String v) { procedure = v; }
    public String getServiceArea() { return serviceArea; }
    public void setServiceArea(String v) { serviceArea = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getReceivedDay() { return receivedDay; }
    public void setReceivedDay(String v) { receivedDay = v; }
    public String getReceivedMonth() { return receivedMonth; }
    public void setReceivedMonth(String v) { receivedMonth = v; }
    public String getReceivedYear() { return receivedYear; }
    public void setReceivedYear(String v) { receivedYear = v; }
    public String getReceivedTime() { return receivedTime; }
    public void setReceivedTime(String v) { receivedTime = v; }
    public String getMatterDay() { return matterDay; }
    public void setMatterDay(String v) { matterDay = v; }
    public String getMatterMonth() { return matterMonth; }
    public void setMatterMonth(String v) { matterMonth = v; }
    public String getMatterYear() { return matterYear; }
    public void setMatterYear(String v) { matterYear = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getLateReason() { return lateReason; }
    public void setLateReason(String v) { lateReason = v; }
}

package se.kuvert.content;

public record JuryMember(String name, String role) {
}

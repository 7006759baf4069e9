namespace Rapport.Features.Tickets;

public enum Channel { Email, Phone, Web, Chat, Sms, Social, InPerson, Letter, Api }

public enum TicketType { Question, Request, Problem, Incident, Complaint, Feedback, Compliment }

public enum Priority { Low, Normal, High, Urgent }

public enum TicketStatus { New, Open, Pending, OnHold, Solved, Closed }

public enum MessageVisibility { Public, Internal }

public enum Direction { Inbound, Outbound }

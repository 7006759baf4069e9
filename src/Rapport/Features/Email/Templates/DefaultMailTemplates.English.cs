namespace Rapport.Features.Email.Templates;

public static partial class DefaultMailTemplates
{
    private static MailTemplateText EnglishAcknowledgement => new(
        "We have received your request: {{ticket.subject}} [#{{ticket.number}}]",
        """
        Hello{{#customer.first_name}} {{customer.first_name}}{{/customer.first_name}},

        Thank you for contacting us. We have received your request and will get back to you.

          Request number: {{ticket.number}}
          Subject: {{ticket.subject}}
        {{#service.name}}  Service: {{service.name}}
        {{/service.name}}
        What happens next: someone from our team will read your request and reply to this address.{{#service.response_time}} We aim to answer within {{service.response_time}}.{{/service.response_time}}

        To add anything, simply reply to this email and keep [#{{ticket.number}}] in the subject line. You can also follow your request online: {{ticket.url}}

        Kind regards
        {{mailbox.name}}
        """,
        """
        <p>Hello{{#customer.first_name}} {{customer.first_name}}{{/customer.first_name}},</p>
        <p>Thank you for contacting us. We have received your request and will get back to you.</p>
        <table role="presentation">
        <tr><th align="left">Request number</th><td>{{ticket.number}}</td></tr>
        <tr><th align="left">Subject</th><td>{{ticket.subject}}</td></tr>
        {{#service.name}}<tr><th align="left">Service</th><td>{{service.name}}</td></tr>
        {{/service.name}}</table>
        <p><strong>What happens next:</strong> someone from our team will read your request and reply to this address.{{#service.response_time}} We aim to answer within {{service.response_time}}.{{/service.response_time}}</p>
        <p>To add anything, simply reply to this email and keep [#{{ticket.number}}] in the subject line. You can also <a href="{{ticket.url}}">follow your request online</a>.</p>
        <p>Kind regards<br>{{mailbox.name}}</p>
        """);

    private static MailTemplateText EnglishReply => new(
        "Re: {{ticket.subject}} [#{{ticket.number}}]",
        """
        {{reply.text}}

        {{#agent.name}}{{agent.name}}
        {{/agent.name}}{{mailbox.name}}

        --
        Request number {{ticket.number}}. To answer, reply to this email and keep [#{{ticket.number}}] in the subject line. The whole conversation: {{ticket.url}}
        """,
        """
        <div>{{reply.html}}</div>
        <p>{{#agent.name}}{{agent.name}}<br>{{/agent.name}}{{mailbox.name}}</p>
        <hr>
        <p><small>Request number {{ticket.number}}. To answer, reply to this email and keep [#{{ticket.number}}] in the subject line. <a href="{{ticket.url}}">See the whole conversation</a>.</small></p>
        """);

    private static MailTemplateText EnglishAssigned => new(
        "[#{{ticket.number}}] Assigned to you: {{ticket.subject}}",
        """
        Hello {{agent.name}},

        Ticket {{ticket.number}} has been assigned to you.

          Subject: {{ticket.subject}}
          From: {{customer.name}}
        {{#service.name}}  Service: {{service.name}}
        {{/service.name}}{{#service.response_time}}  Promised first response: within {{service.response_time}}
        {{/service.response_time}}
        Open the ticket: {{ticket.url}}
        """,
        """
        <p>Hello {{agent.name}},</p>
        <p>Ticket {{ticket.number}} has been assigned to you.</p>
        <table role="presentation">
        <tr><th align="left">Subject</th><td>{{ticket.subject}}</td></tr>
        <tr><th align="left">From</th><td>{{customer.name}}</td></tr>
        {{#service.name}}<tr><th align="left">Service</th><td>{{service.name}}</td></tr>
        {{/service.name}}{{#service.response_time}}<tr><th align="left">Promised first response</th><td>within {{service.response_time}}</td></tr>
        {{/service.response_time}}</table>
        <p><a href="{{ticket.url}}">Open the ticket</a></p>
        """);

    private static MailTemplateText EnglishCustomerReplied => new(
        "[#{{ticket.number}}] {{customer.name}} replied: {{ticket.subject}}",
        """
        Hello {{agent.name}},

        {{customer.name}} wrote on ticket {{ticket.number}} ("{{ticket.subject}}"):

        {{reply.text}}

        Open the ticket to answer: {{ticket.url}}
        """,
        """
        <p>Hello {{agent.name}},</p>
        <p>{{customer.name}} wrote on ticket {{ticket.number}} (“{{ticket.subject}}”):</p>
        <blockquote>{{reply.html}}</blockquote>
        <p><a href="{{ticket.url}}">Open the ticket to answer</a></p>
        """);

    private static MailTemplateText EnglishMentioned => new(
        "[#{{ticket.number}}] You were mentioned: {{ticket.subject}}",
        """
        Hello {{agent.name}},

        You were mentioned on ticket {{ticket.number}} ("{{ticket.subject}}"):

        {{reply.text}}

        Open the ticket: {{ticket.url}}
        """,
        """
        <p>Hello {{agent.name}},</p>
        <p>You were mentioned on ticket {{ticket.number}} (“{{ticket.subject}}”):</p>
        <blockquote>{{reply.html}}</blockquote>
        <p><a href="{{ticket.url}}">Open the ticket</a></p>
        """);
}

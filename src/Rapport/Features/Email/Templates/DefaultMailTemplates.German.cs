namespace Rapport.Features.Email.Templates;

// Customers are addressed formally (Sie) and by their full name, which needs no guess at Herr or Frau.
public static partial class DefaultMailTemplates
{
    private static MailTemplateText GermanAcknowledgement => new(
        "Ihre Anfrage ist bei uns eingegangen: {{ticket.subject}} [#{{ticket.number}}]",
        """
        Guten Tag{{#customer.name}} {{customer.name}}{{/customer.name}},

        vielen Dank für Ihre Nachricht. Ihre Anfrage ist bei uns eingegangen, und wir kümmern uns darum.

          Anfragenummer: {{ticket.number}}
          Betreff: {{ticket.subject}}
        {{#service.name}}  Service: {{service.name}}
        {{/service.name}}
        So geht es weiter: Jemand aus unserem Team liest Ihre Anfrage und antwortet Ihnen an diese Adresse.{{#service.response_time}} Unser Ziel ist eine Antwort innerhalb von {{service.response_time}}.{{/service.response_time}}

        Möchten Sie etwas ergänzen? Antworten Sie einfach auf diese E-Mail und lassen Sie [#{{ticket.number}}] im Betreff stehen. Den Stand Ihrer Anfrage können Sie auch online verfolgen: {{ticket.url}}

        Mit freundlichen Grüßen
        {{mailbox.name}}
        """,
        """
        <p>Guten Tag{{#customer.name}} {{customer.name}}{{/customer.name}},</p>
        <p>vielen Dank für Ihre Nachricht. Ihre Anfrage ist bei uns eingegangen, und wir kümmern uns darum.</p>
        <table role="presentation">
        <tr><th align="left">Anfragenummer</th><td>{{ticket.number}}</td></tr>
        <tr><th align="left">Betreff</th><td>{{ticket.subject}}</td></tr>
        {{#service.name}}<tr><th align="left">Service</th><td>{{service.name}}</td></tr>
        {{/service.name}}</table>
        <p><strong>So geht es weiter:</strong> Jemand aus unserem Team liest Ihre Anfrage und antwortet Ihnen an diese Adresse.{{#service.response_time}} Unser Ziel ist eine Antwort innerhalb von {{service.response_time}}.{{/service.response_time}}</p>
        <p>Möchten Sie etwas ergänzen? Antworten Sie einfach auf diese E-Mail und lassen Sie [#{{ticket.number}}] im Betreff stehen. Den Stand Ihrer Anfrage können Sie auch <a href="{{ticket.url}}">online verfolgen</a>.</p>
        <p>Mit freundlichen Grüßen<br>{{mailbox.name}}</p>
        """);

    private static MailTemplateText GermanReply => new(
        "AW: {{ticket.subject}} [#{{ticket.number}}]",
        """
        {{reply.text}}

        {{#agent.name}}{{agent.name}}
        {{/agent.name}}{{mailbox.name}}

        --
        Anfragenummer {{ticket.number}}. Antworten Sie einfach auf diese E-Mail und lassen Sie [#{{ticket.number}}] im Betreff stehen. Den ganzen Verlauf finden Sie hier: {{ticket.url}}
        """,
        """
        <div>{{reply.html}}</div>
        <p>{{#agent.name}}{{agent.name}}<br>{{/agent.name}}{{mailbox.name}}</p>
        <hr>
        <p><small>Anfragenummer {{ticket.number}}. Antworten Sie einfach auf diese E-Mail und lassen Sie [#{{ticket.number}}] im Betreff stehen. <a href="{{ticket.url}}">Den ganzen Verlauf ansehen</a>.</small></p>
        """);

    private static MailTemplateText GermanAssigned => new(
        "[#{{ticket.number}}] Ihnen zugewiesen: {{ticket.subject}}",
        """
        Hallo {{agent.name}},

        das Ticket {{ticket.number}} wurde Ihnen zugewiesen.

          Betreff: {{ticket.subject}}
          Von: {{customer.name}}
        {{#service.name}}  Service: {{service.name}}
        {{/service.name}}{{#service.response_time}}  Zugesagte erste Antwort: innerhalb von {{service.response_time}}
        {{/service.response_time}}
        Ticket öffnen: {{ticket.url}}
        """,
        """
        <p>Hallo {{agent.name}},</p>
        <p>das Ticket {{ticket.number}} wurde Ihnen zugewiesen.</p>
        <table role="presentation">
        <tr><th align="left">Betreff</th><td>{{ticket.subject}}</td></tr>
        <tr><th align="left">Von</th><td>{{customer.name}}</td></tr>
        {{#service.name}}<tr><th align="left">Service</th><td>{{service.name}}</td></tr>
        {{/service.name}}{{#service.response_time}}<tr><th align="left">Zugesagte erste Antwort</th><td>innerhalb von {{service.response_time}}</td></tr>
        {{/service.response_time}}</table>
        <p><a href="{{ticket.url}}">Ticket öffnen</a></p>
        """);

    private static MailTemplateText GermanCustomerReplied => new(
        "[#{{ticket.number}}] Neue Nachricht von {{customer.name}}: {{ticket.subject}}",
        """
        Hallo {{agent.name}},

        {{customer.name}} hat zum Ticket {{ticket.number}} („{{ticket.subject}}“) geschrieben:

        {{reply.text}}

        Zum Antworten das Ticket öffnen: {{ticket.url}}
        """,
        """
        <p>Hallo {{agent.name}},</p>
        <p>{{customer.name}} hat zum Ticket {{ticket.number}} („{{ticket.subject}}“) geschrieben:</p>
        <blockquote>{{reply.html}}</blockquote>
        <p><a href="{{ticket.url}}">Zum Antworten das Ticket öffnen</a></p>
        """);

    private static MailTemplateText GermanMentioned => new(
        "[#{{ticket.number}}] Sie wurden erwähnt: {{ticket.subject}}",
        """
        Hallo {{agent.name}},

        Sie wurden im Ticket {{ticket.number}} („{{ticket.subject}}“) erwähnt:

        {{reply.text}}

        Ticket öffnen: {{ticket.url}}
        """,
        """
        <p>Hallo {{agent.name}},</p>
        <p>Sie wurden im Ticket {{ticket.number}} („{{ticket.subject}}“) erwähnt:</p>
        <blockquote>{{reply.html}}</blockquote>
        <p><a href="{{ticket.url}}">Ticket öffnen</a></p>
        """);
}

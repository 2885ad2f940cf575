package io.tidemark.lab;

import java.util.List;

/** Names for the synthetic organisation: common, varied, and owned by nobody in particular. */
final class Names {
  static final List<String> FIRST =
      List.of(
          "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
          "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
          "Sarah", "Charles", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra",
          "Mark", "Ashley", "Paul", "Emily", "Steven", "Donna", "Andrew", "Michelle", "Kenneth",
          "Carol", "Joshua", "Amanda", "Kevin", "Melissa", "Brian", "Deborah", "George",
          "Stephanie", "Timothy", "Rebecca", "Ronald", "Laura", "Jason", "Helen", "Edward",
          "Sharon", "Jeffrey", "Cynthia", "Ryan", "Kathleen", "Jacob", "Amy", "Gary", "Angela",
          "Nicholas", "Anna", "Eric", "Ruth", "Jonathan", "Brenda", "Stephen", "Pamela", "Larry",
          "Nicole", "Justin", "Katherine", "Scott", "Samantha", "Brandon", "Christine", "Benjamin",
          "Emma", "Samuel", "Catherine", "Gregory", "Debra", "Alexander", "Rachel", "Patrick",
          "Carolyn", "Frank", "Janet", "Raymond", "Maria", "Jack", "Olivia", "Dennis", "Heather",
          "Jerry", "Diane", "Tyler", "Julie", "Aaron", "Joyce", "Henrik", "Ingrid", "Luca",
          "Chiara", "Mateo", "Lucia", "Pierre", "Claire", "Jan", "Eva", "Piotr", "Zofia");

  static final List<String> LAST =
      List.of(
          "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
          "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
          "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
          "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
          "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
          "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
          "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards",
          "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers",
          "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
          "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez",
          "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
          "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Larsen",
          "Nilsson", "Rossi", "Ferrari", "Dubois", "Moreau", "Novak", "Kowalski", "Wagner");

  /** Domains of the organisation's business partners: ordinary inbound and outbound mail. */
  static final List<String> PARTNER_DOMAINS =
      List.of(
          "contoso.com", "fabrikam.com", "northwindtraders.com", "adventure-works.com",
          "tailspintoys.com", "wingtiptoys.com", "litwareinc.com", "proseware.com",
          "lucernepublishing.com", "margiestravel.com", "fourthcoffee.com", "woodgrovebank.com");

  /** Everyday message subjects. */
  static final List<String> SUBJECTS =
      List.of(
          "Weekly status update", "Re: Budget review", "Meeting notes", "RE: Invoice 4471",
          "Quarterly planning", "FW: Travel itinerary", "Lunch on Friday?", "Re: Contract draft",
          "Project timeline", "Updated proposal", "RE: Customer feedback", "Team offsite",
          "Re: Purchase order", "Holiday schedule", "Training session reminder", "Re: Questions",
          "Monthly report", "RE: Shipping delay", "Agenda for Tuesday", "Re: Hiring plan",
          "Invoice attached", "Re: Support ticket", "Board pack draft", "Re: Site visit",
          "Welcome aboard", "Re: Expense claim", "Newsletter", "Re: Vendor onboarding");

  private Names() {}
}

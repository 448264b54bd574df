<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddExamDialog</name>
    <message>
        <source>Exam:</source>
        <translation>Examen :</translation>
    </message>
    <message>
        <source>Name of the exam</source>
        <translation>Nom de l'examen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Start age:</source>
        <translation>Âge de début :</translation>
    </message>
    <message>
        <source>no end age</source>
        <translation>sans âge de fin</translation>
    </message>
    <message>
        <source>End age:</source>
        <translation>Âge de fin :</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Intervalle :</translation>
    </message>
    <message>
        <source>Why this exam is added (required)</source>
        <translation>Pourquoi cet examen est ajouté (obligatoire)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Enter the reason for this addition.</source>
        <translation>Indiquez le motif de cet ajout.</translation>
    </message>
    <message>
        <source>Name the exam.</source>
        <translation>Nommez l'examen.</translation>
    </message>
    <message>
        <source>The end age must be above the start age.</source>
        <translation>L'âge de fin doit être supérieur à l'âge de début.</translation>
    </message>
</context>
<context>
    <name>AdjustItemDialog</name>
    <message>
        <source>{exam} — {ages}, {schedule}</source>
        <translation>{exam} — {ages}, {schedule}</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Actuellement :</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Start age:</source>
        <translation>Âge de début :</translation>
    </message>
    <message>
        <source>No end age</source>
        <translation>Sans âge de fin</translation>
    </message>
    <message>
        <source>End age:</source>
        <translation>Âge de fin :</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Intervalle :</translation>
    </message>
    <message>
        <source>Stop this exam</source>
        <translation>Arrêter cet examen</translation>
    </message>
    <message>
        <source>Why this exam is adjusted (required)</source>
        <translation>Pourquoi cet examen est ajusté (obligatoire)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Enter the reason for this adjustment.</source>
        <translation>Indiquez le motif de cet ajustement.</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>{count} caractères au plus.</translation>
    </message>
    <message>
        <source>The end age must be above the start age.</source>
        <translation>L'âge de fin doit être supérieur à l'âge de début.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Compte administrateur</translation>
    </message>
    <message>
        <source>The administrator manages the user accounts and the event log; they do not see patient files.</source>
        <translation>L'administrateur gère les comptes des utilisateurs et le journal des événements ; il ne voit pas les dossiers des patients.</translation>
    </message>
    <message>
        <source>Link this account to this computer (system keyring)</source>
        <translation>Lier ce compte à cet ordinateur (trousseau système)</translation>
    </message>
    <message>
        <source>For a laptop taken outside the hospital: the database files copied elsewhere cannot then be opened with this account, even with its password.</source>
        <translation>Pour un ordinateur portable emporté hors de l'établissement : les fichiers de la base copiés ailleurs ne pourront pas être ouverts avec ce compte, même avec son mot de passe.</translation>
    </message>
    <message>
        <source>Unavailable: no system keyring was found on this computer (OISO never stores secrets in a plain file).</source>
        <translation>Indisponible : aucun trousseau système n'a été trouvé sur cet ordinateur (OISO n'enregistre jamais de secret dans un fichier en clair).</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom :</translation>
    </message>
    <message>
        <source>Last &amp;name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Email (optional):</source>
        <translation>&amp;Courriel (facultatif) :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Confirmation:</source>
        <translation>C&amp;onfirmation :</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <source>Many files opened</source>
        <translation>Nombreux dossiers ouverts</translation>
    </message>
    <message>
        <source>Off-hours use</source>
        <translation>Utilisation hors des heures ouvrées</translation>
    </message>
    <message>
        <source>Repeated failed sign-ins</source>
        <translation>Échecs de connexion répétés</translation>
    </message>
    <message>
        <source>Break-the-glass</source>
        <translation>Bris de glace</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Combien</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Unknown login</source>
        <translation>Identifiant inconnu</translation>
    </message>
    <message>
        <source>User informed</source>
        <translation>Utilisateur informé</translation>
    </message>
    <message>
        <source>Account suspended</source>
        <translation>Compte suspendu</translation>
    </message>
    <message>
        <source>Reviewed on {date} by {name}</source>
        <translation>Examinée le {date} par {name}</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <source>Access alerts</source>
        <extracomment>alerts not yet reviewed (the navigation entry's tool tip)</extracomment>
        <translation>Alertes d'accès</translation>
    </message>
    <message>
        <source>Raised by the daily maintenance: many files opened in a short time, use outside working hours (21:00–07:00 and weekends), repeated failed sign-ins, break-the-glass. Never a patient's data.</source>
        <translation>Relevées par la maintenance quotidienne : nombreux dossiers ouverts en peu de temps, utilisation en dehors des heures ouvrées (21 h – 7 h et week-ends), échecs de connexion répétés, bris de glace. Jamais une donnée de patient.</translation>
    </message>
    <message>
        <source>Show the alerts already reviewed</source>
        <translation>Afficher les alertes déjà examinées</translation>
    </message>
    <message>
        <source>Inform the user</source>
        <translation>Informer l'utilisateur</translation>
    </message>
    <message>
        <source>Suspend the account…</source>
        <translation>Suspendre le compte…</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Commentaire (facultatif)</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Marquer comme examinée</translation>
    </message>
    <message>
        <source>Loading the alerts…</source>
        <translation>Chargement des alertes…</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerte</numerusform>
            <numerusform>%n alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>An email to {name} is queued (no patient data in it).</source>
        <translation>Un courriel à {name} est en attente d'envoi (sans aucune donnée de patient).</translation>
    </message>
    <message>
        <source>Preparing the email…</source>
        <translation>Préparation du courriel…</translation>
    </message>
    <message>
        <source>Suspend an account</source>
        <translation>Suspendre un compte</translation>
    </message>
    <message>
        <source>Suspend the account {login} ({name})?</source>
        <translation>Suspendre le compte {login} ({name}) ?</translation>
    </message>
    <message>
        <source>Alert: {kind}. The user will no longer be able to sign in until the account is reactivated in the user accounts. Their patient files stay as they are.</source>
        <translation>Alerte : {kind}. L'utilisateur ne pourra plus se connecter tant que le compte n'aura pas été réactivé dans les comptes utilisateurs. Ses dossiers patients restent en l'état.</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Account {login} suspended.</source>
        <translation>Compte {login} suspendu.</translation>
    </message>
    <message>
        <source>Suspending the account…</source>
        <translation>Suspension du compte…</translation>
    </message>
    <message>
        <source>Alert marked as reviewed.</source>
        <translation>Alerte marquée comme examinée.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Creating the demonstration database (fictitious patients)...</source>
        <translation>Création de la base de démonstration (patients fictifs)…</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>No OISO database was found in the folder {folder}.</source>
        <extracomment>Demo databases live in &lt;tmp&gt;/oiso-demo-&lt;pid&gt;-&lt;random&gt; (see system.temp_folders).</extracomment>
        <translation>Aucune base OISO n'a été trouvée dans le dossier {folder}.</translation>
    </message>
    <message>
        <source>If the database is on a network share or a removable disk, check that it is available, then try again. Otherwise you can create a new database.</source>
        <translation>Si la base se trouve sur un partage réseau ou un disque amovible, vérifiez qu'il est accessible, puis réessayez. Sinon, vous pouvez créer une nouvelle base.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Create a new database...</source>
        <translation>Créer une nouvelle base…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Database folder: {folder}</source>
        <translation>Dossier de la base : {folder}</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Book an appointment</source>
        <extracomment>the booking whose warnings the user has seen: booking it again goes ahead</extracomment>
        <translation>Prendre rendez-vous</translation>
    </message>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Reporter le rendez-vous</translation>
    </message>
    <message>
        <source>Exam:</source>
        <translation>Examen :</translation>
    </message>
    <message>
        <source>at</source>
        <translation>à</translation>
    </message>
    <message>
        <source>for</source>
        <translation>durée</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>e.g. Imaging department, Lyon Sud hospital</source>
        <translation>par exemple : service d'imagerie, hôpital Lyon Sud</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <source>Practitioner:</source>
        <translation>Praticien :</translation>
    </message>
    <message>
        <source>Practical note (no clinical information)</source>
        <translation>Note pratique (aucune information clinique)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Book anyway</source>
        <translation>Réserver quand même</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Enter the date of the appointment.</source>
        <translation>Indiquez la date du rendez-vous.</translation>
    </message>
    <message>
        <source>Enter the place of the appointment.</source>
        <translation>Indiquez le lieu du rendez-vous.</translation>
    </message>
    <message>
        <source>Choose the practitioner.</source>
        <translation>Choisissez le praticien.</translation>
    </message>
    <message>
        <source>Please check before booking:
{warnings}</source>
        <translation>À vérifier avant de réserver :
{warnings}</translation>
    </message>
    <message>
        <source>Checking the calendar…</source>
        <translation>Vérification de l'agenda…</translation>
    </message>
    <message>
        <source>Booking the appointment…</source>
        <translation>Réservation du rendez-vous…</translation>
    </message>
    <message>
        <source>Rescheduling the appointment…</source>
        <translation>Report du rendez-vous…</translation>
    </message>
</context>
<context>
    <name>AssistantsDialog</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a secretary</source>
        <translation>Ajouter une secrétaire</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Practitioners I assist</source>
        <translation>Praticiens que j'assiste</translation>
    </message>
    <message>
        <source>You see the identity, contact details, follow-up plan and appointments of these practitioners' files (the files they are responsible for and those shared with them read and write), never their clinical content. A practitioner designates their secretaries in “My secretaries”.</source>
        <translation>Vous voyez l'identité, les coordonnées, le plan de suivi et les rendez-vous des dossiers de ces praticiens (ceux dont ils sont responsables et ceux partagés avec eux en lecture et écriture), jamais leur contenu clinique. Un praticien désigne ses secrétaires dans « Mes secrétaires ».</translation>
    </message>
    <message>
        <source>My secretaries</source>
        <translation>Mes secrétaires</translation>
    </message>
    <message>
        <source>Secretaries who assist me</source>
        <translation>Secrétaires qui m'assistent</translation>
    </message>
    <message>
        <source>A secretary who assists you sees the identity, contact details, follow-up plan and appointments of your files (the files you are responsible for and those shared with you read and write), and may create files in your name. She never sees their clinical content: history, family, genetics, documents.</source>
        <translation>Une secrétaire qui vous assiste voit l'identité, les coordonnées, le plan de suivi et les rendez-vous de vos dossiers (ceux dont vous êtes responsable et ceux partagés avec vous en lecture et écriture), et peut créer des dossiers à votre nom. Elle ne voit jamais leur contenu clinique : antécédents, famille, génétique, documents.</translation>
    </message>
    <message>
        <source>You do not assist any practitioner yet.</source>
        <translation>Vous n'assistez encore aucun praticien.</translation>
    </message>
    <message>
        <source>(account inactive)</source>
        <translation>(compte inactif)</translation>
    </message>
    <message>
        <source>No secretary assists you. Add one below.</source>
        <translation>Aucune secrétaire ne vous assiste. Ajoutez-en une ci-dessous.</translation>
    </message>
    <message>
        <source>No other active secretary</source>
        <translation>Aucune autre secrétaire active</translation>
    </message>
    <message>
        <source>Saving your secretaries…</source>
        <translation>Enregistrement de vos secrétaires…</translation>
    </message>
    <message>
        <source>Your secretaries have been saved.</source>
        <translation>Vos secrétaires ont été enregistrées.</translation>
    </message>
</context>
<context>
    <name>AwaitingAccountTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>RPPS / ADELI</source>
        <translation>RPPS / ADELI</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>RPPS {number}</source>
        <translation>RPPS {number}</translation>
    </message>
    <message>
        <source>ADELI {number}</source>
        <translation>ADELI {number}</translation>
    </message>
    <message>
        <source>None given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Ready to be approved</source>
        <translation>Prêt à être approuvé</translation>
    </message>
    <message>
        <source>Temporary password not replaced yet</source>
        <translation>Mot de passe provisoire pas encore remplacé</translation>
    </message>
    <message>
        <source>The account can be approved once its holder has signed in and chosen their own password.</source>
        <translation>Le compte pourra être approuvé quand son titulaire se sera connecté et aura choisi son propre mot de passe.</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Emergency access (break-the-glass)</source>
        <translation>Accès d'urgence (bris de glace)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>In an emergency, you may read a patient file that is not shared with you. Enter the patient's exact identity: the full NIR, or the birth name, a first name and the birth date. Only an exact match is shown, never a list of patients.</source>
        <translation>En cas d'urgence, vous pouvez lire un dossier patient qui ne vous est pas partagé. Saisissez l'identité exacte du patient : le NIR complet, ou le nom de naissance, un prénom et la date de naissance. Seule une correspondance exacte est affichée, jamais une liste de patients.</translation>
    </message>
    <message>
        <source>15 characters, key included</source>
        <translation>15 caractères, clé comprise</translation>
    </message>
    <message>
        <source>NIR:</source>
        <translation>NIR :</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Birth name:</source>
        <translation>Nom de naissance :</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Prénom :</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Date de naissance :</translation>
    </message>
    <message>
        <source>File to open</source>
        <translation>Dossier à ouvrir</translation>
    </message>
    <message>
        <source>Why do you need this file?</source>
        <translation>Pourquoi avez-vous besoin de ce dossier ?</translation>
    </message>
    <message>
        <source>For example: patient admitted to the emergency department tonight</source>
        <translation>Par exemple : patient admis aux urgences cette nuit</translation>
    </message>
    <message>
        <source>This access is logged with your name and your reason, shown to the file's owner at their next login, and reviewed by an administrator. The file opens read-only, until you log out.</source>
        <translation>Cet accès est enregistré dans le journal avec votre nom et votre motif, signalé au responsable du dossier à sa prochaine connexion et examiné par un administrateur. Le dossier s'ouvre en lecture seule, jusqu'à votre déconnexion.</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>{count} / {minimum} characters minimum</source>
        <translation>{count} / {minimum} caractères minimum</translation>
    </message>
    <message>
        <source>Looking up the identity…</source>
        <translation>Recherche de l'identité…</translation>
    </message>
    <message>
        <source>No file you cannot already open matches this identity exactly. Check the spelling, the birth date or the NIR (a file you can open is in your list).</source>
        <translation>Aucun dossier auquel vous n'avez pas déjà accès ne correspond exactement à cette identité. Vérifiez l'orthographe, la date de naissance ou le NIR (un dossier auquel vous avez accès se trouve dans votre liste).</translation>
    </message>
    <message>
        <source>{name} — born on {date} — owner: {owner}</source>
        <translation>{name} — né(e) le {date} — responsable : {owner}</translation>
    </message>
    <message>
        <source>Opening the file in an emergency…</source>
        <translation>Ouverture du dossier en urgence…</translation>
    </message>
</context>
<context>
    <name>BreakGlassReviewView</name>
    <message>
        <source>Emergency accesses</source>
        <extracomment>after each load of the queue (tests) how many accesses await review, after each load</extracomment>
        <translation>Accès d'urgence</translation>
    </message>
    <message>
        <source>A practitioner may open a file that is not shared with them in an emergency, after writing a reason. Each access waits here for your review: who, when, which file and why. The patient's name and the content of the file are never shown here.</source>
        <translation>En cas d'urgence, un praticien peut ouvrir un dossier qui ne lui est pas partagé, après en avoir écrit le motif. Chaque accès attend ici votre examen : qui, quand, quel dossier et pourquoi. Le nom du patient et le contenu du dossier ne sont jamais affichés ici.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Mark as reviewed…</source>
        <translation>Marquer comme examiné…</translation>
    </message>
    <message>
        <source>Loading the emergency accesses…</source>
        <translation>Chargement des accès d'urgence…</translation>
    </message>
    <message>
        <source>No emergency access has been recorded.</source>
        <translation>Aucun accès d'urgence n'a été enregistré.</translation>
    </message>
    <message>
        <source>No emergency access awaits review.</source>
        <translation>Aucun accès d'urgence n'attend d'examen.</translation>
    </message>
    <message numerus="yes">
        <source>%n access(es) recorded</source>
        <translation>
            <numerusform>%n accès enregistré</numerusform>
            <numerusform>%n accès enregistrés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n à examiner</numerusform>
            <numerusform>%n à examiner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n access(es) to review</source>
        <translation>
            <numerusform>%n accès à examiner</numerusform>
            <numerusform>%n accès à examiner</numerusform>
        </translation>
    </message>
    <message>
        <source>{who} — file no. {file} — {when}</source>
        <translation>{who} — dossier n° {file} — {when}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Commentaire : {comment}</translation>
    </message>
    <message>
        <source>The emergency access has been marked as reviewed.</source>
        <translation>L'accès d'urgence a été marqué comme examiné.</translation>
    </message>
</context>
<context>
    <name>BreakGlassTableModel</name>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Reviewed on {date} by {name}</source>
        <translation>Examiné le {date} par {name}</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Commentaire d'examen</translation>
    </message>
</context>
<context>
    <name>CanRiskFiles</name>
    <message>
        <source>Import a CanRisk file</source>
        <translation>Importer un fichier CanRisk</translation>
    </message>
    <message>
        <source>CanRisk pedigree files (*.txt *.canrisk *.ped);;All files (*)</source>
        <translation>Fichiers d'arbre CanRisk (*.txt *.canrisk *.ped);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export for CanRisk</source>
        <translation>Exporter pour CanRisk</translation>
    </message>
    <message>
        <source>CanRisk pedigree files (*.txt)</source>
        <translation>Fichiers d'arbre CanRisk (*.txt)</translation>
    </message>
    <message>
        <source>CanRisk import</source>
        <translation>Import CanRisk</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to correct in the file, each with its line:</source>
        <translation>
            <numerusform>%n problème à corriger dans le fichier, avec sa ligne :</numerusform>
            <numerusform>%n problèmes à corriger dans le fichier, chacun avec sa ligne :</numerusform>
        </translation>
    </message>
    <message>
        <source>The file {name} was not imported; the family was not changed.</source>
        <translation>Le fichier {name} n'a pas été importé ; la famille n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>The file {name} holds several families: which one do you import?</source>
        <translation>Le fichier {name} contient plusieurs familles : laquelle importer ?</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>{family}: {people}, proband {proband}</source>
        <translation>{family} : {people}, cas index {proband}</translation>
    </message>
    <message>
        <source>Replace the family entered ({people}) by the family {family} of the file?</source>
        <translation>Remplacer la famille saisie ({people}) par la famille {family} du fichier ?</translation>
    </message>
    <message>
        <source>Everything entered in this family is replaced. Ctrl+Z undoes the import.</source>
        <translation>Tout ce qui a été saisi dans cette famille est remplacé. Ctrl+Z annule l'import.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Family {family} imported: {people}.</source>
        <translation>Famille {family} importée : {people}.</translation>
    </message>
    <message numerus="yes">
        <source>The family cannot be exported for CanRisk: correct these %n problem(s) first.</source>
        <translation>
            <numerusform>La famille ne peut pas être exportée pour CanRisk : %n problème à corriger d'abord.</numerusform>
            <numerusform>La famille ne peut pas être exportée pour CanRisk : %n problèmes à corriger d'abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>CanRisk cannot place these people, left out of the file: {people}.</source>
        <translation>CanRisk ne peut pas placer ces personnes, laissées hors du fichier : {people}.</translation>
    </message>
    <message>
        <source>CanRisk links people through their parents and children only; partners without children in the family are not written.</source>
        <translation>CanRisk ne relie les personnes que par leurs parents et leurs enfants ; les conjoints sans enfant dans la famille ne sont pas écrits.</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Exporter quand même</translation>
    </message>
    <message>
        <source>Exported for CanRisk: {name}</source>
        <translation>Exporté pour CanRisk : {name}</translation>
    </message>
</context>
<context>
    <name>CancerRow</name>
    <message>
        <source>Age at diagnosis:</source>
        <translation>Âge au diagnostic :</translation>
    </message>
    <message>
        <source>52, ~60, 40-49</source>
        <translation>52, ~60, 40-49</translation>
    </message>
    <message>
        <source>Age at diagnosis, exact (52), approximate (~60, 40-49, &lt; 50) or unknown (leave empty or type “unknown”): kept as typed</source>
        <translation>Âge au diagnostic, exact (52), approché (~60, 40-49, &lt; 50) ou inconnu (laisser vide ou saisir « inconnu ») : conservé tel que saisi</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Checked on a pathology report</source>
        <translation>Vérifié sur un compte rendu anatomopathologique</translation>
    </message>
    <message>
        <source>Remove this cancer</source>
        <translation>Retirer ce cancer</translation>
    </message>
    <message>
        <source>Cancer site</source>
        <translation>Localisation du cancer</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Histology</source>
        <translation>Histologie</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>ER:</source>
        <translation>RE :</translation>
    </message>
    <message>
        <source>PR:</source>
        <translation>RP :</translation>
    </message>
    <message>
        <source>HER2:</source>
        <translation>HER2 :</translation>
    </message>
    <message>
        <source>Oestrogen receptors</source>
        <translation>Récepteurs aux œstrogènes</translation>
    </message>
    <message>
        <source>Progesterone receptors</source>
        <translation>Récepteurs à la progestérone</translation>
    </message>
    <message>
        <source>HER2 status</source>
        <translation>Statut HER2</translation>
    </message>
</context>
<context>
    <name>CancerTableModel</name>
    <message>
        <source>Site</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Age or date</source>
        <translation>Âge ou date</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome, {name}.&lt;/b&gt; You signed in with a one-time password. Choose your own password to continue.</source>
        <translation>&lt;b&gt;Bienvenue, {name}.&lt;/b&gt; Vous vous êtes connecté avec un mot de passe provisoire. Choisissez votre propre mot de passe pour continuer.</translation>
    </message>
    <message>
        <source>Type your current password, then the new one twice.</source>
        <translation>Saisissez votre mot de passe actuel, puis deux fois le nouveau.</translation>
    </message>
    <message>
        <source>&amp;One-time password:</source>
        <translation>Mot de passe &amp;provisoire :</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mot de passe &amp;actuel :</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Changing the password...</source>
        <translation>Changement du mot de passe…</translation>
    </message>
</context>
<context>
    <name>ClinicalAccessNotice</name>
    <message>
        <source>Access to clinical data awaiting approval</source>
        <translation>Accès aux données cliniques en attente d'approbation</translation>
    </message>
    <message>
        <source>Clinical data are reserved for practitioners and counsellors</source>
        <translation>Données cliniques réservées aux praticiens et aux conseillers</translation>
    </message>
    <message>
        <source>Access to clinical data approved</source>
        <translation>Accès aux données cliniques approuvé</translation>
    </message>
    <message>
        <source>Your account does not hold the clinical key yet: personal history, family and the other clinical data stay encrypted for you until a practitioner or genetic counsellor who already has access approves your account (they are asked at their next login). Meanwhile, patients' identity remains available.</source>
        <translation>Votre compte ne détient pas encore la clé clinique : les antécédents, la famille et les autres données cliniques restent chiffrés pour vous jusqu'à ce qu'un praticien ou un conseiller en génétique qui y a déjà accès approuve votre compte (cela lui est proposé à sa prochaine connexion). En attendant, l'identité des patients reste consultable.</translation>
    </message>
    <message>
        <source>Clinical data (personal history, family, genetics) are encrypted for the practitioners and genetic counsellors approved to read them. Your role does not give access to them.</source>
        <translation>Les données cliniques (antécédents, famille, génétique) sont chiffrées pour les praticiens et les conseillers en génétique approuvés pour les lire. Votre rôle n'y donne pas accès.</translation>
    </message>
    <message>
        <source>Your account now holds the clinical key: open the file again to see its clinical data.</source>
        <translation>Votre compte détient maintenant la clé clinique : rouvrez le dossier pour voir ses données cliniques.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Checking access to clinical data...</source>
        <translation>Vérification de l'accès aux données cliniques…</translation>
    </message>
    <message>
        <source>Still awaiting approval: nobody has approved your account yet.</source>
        <translation>Toujours en attente : personne n'a encore approuvé votre compte.</translation>
    </message>
</context>
<context>
    <name>ClinicalApprovalDialog</name>
    <message>
        <source>Access to clinical data</source>
        <translation>Accès aux données cliniques</translation>
    </message>
    <message>
        <source>Accounts awaiting access to clinical data</source>
        <translation>Comptes en attente d'accès aux données cliniques</translation>
    </message>
    <message>
        <source>Approve access</source>
        <translation>Approuver l'accès</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Loading the accounts awaiting approval...</source>
        <translation>Chargement des comptes en attente d'approbation…</translation>
    </message>
    <message>
        <source>Approve with the recovery code...</source>
        <translation>Approuver avec le code de récupération…</translation>
    </message>
    <message>
        <source>No account is awaiting access to clinical data.</source>
        <translation>Aucun compte n'attend d'accès aux données cliniques.</translation>
    </message>
    <message>
        <source>These practitioner and genetic counsellor accounts are waiting for access to clinical data. Approving an account gives it the clinical key that protects all the clinical data of the database: approve only colleagues whose identity you have checked (name, RPPS or ADELI).</source>
        <translation>Ces comptes de praticiens et de conseillers en génétique attendent l'accès aux données cliniques. Approuver un compte lui donne la clé clinique qui protège toutes les données cliniques de la base : n'approuvez que des collègues dont vous avez vérifié l'identité (nom, RPPS ou ADELI).</translation>
    </message>
    <message>
        <source>Nobody holds the clinical key yet: the first account is approved with the recovery code of the database. Once approved, that account approves its colleagues.</source>
        <translation>Personne ne détient encore la clé clinique : le premier compte est approuvé avec le code de récupération de la base. Une fois approuvé, ce compte approuve ses collègues.</translation>
    </message>
    <message>
        <source>You do not hold the clinical key yet: these accounts will be approved by a colleague who holds it.</source>
        <translation>Vous ne détenez pas encore la clé clinique : ces comptes seront approuvés par un collègue qui la détient.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Approving access to clinical data...</source>
        <translation>Approbation de l'accès aux données cliniques…</translation>
    </message>
    <message>
        <source>Access to clinical data approved for {name}.</source>
        <translation>Accès aux données cliniques approuvé pour {name}.</translation>
    </message>
</context>
<context>
    <name>ClinicalKeyDialogs</name>
    <message>
        <source>New recovery sheet</source>
        <translation>Nouvelle fiche de récupération</translation>
    </message>
    <message>
        <source>Give the clinical key to the code of the new recovery sheet?</source>
        <translation>Confier la clé clinique au code de la nouvelle fiche de récupération ?</translation>
    </message>
    <message>
        <source>An administrator issued a new recovery sheet. Until a holder of the clinical key endorses it, its code cannot open clinical data: if nobody held the key any more, they could not be recovered.

Endorse it only if you trust the administrator who issued it and know that they did so recently: whoever knows that code can read all the clinical data. If no new sheet was issued, do not endorse it and alert your administrator: the key file may have been tampered with.</source>
        <translation>Un administrateur a émis une nouvelle fiche de récupération. Tant qu'un détenteur de la clé clinique ne l'a pas validée, son code n'ouvre pas les données cliniques : si plus personne ne détenait la clé, elles ne pourraient pas être récupérées.

Ne la validez que si vous faites confiance à l'administrateur qui l'a émise et savez qu'il vient de le faire : quiconque connaît ce code peut lire toutes les données cliniques. Si aucune nouvelle fiche n'a été émise, ne la validez pas et prévenez votre administrateur : le fichier des clés a pu être altéré.</translation>
    </message>
    <message>
        <source>Endorse the sheet</source>
        <translation>Valider la fiche</translation>
    </message>
</context>
<context>
    <name>ClinicalKeyPanel</name>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sécurité</translation>
    </message>
    <message>
        <source>Approve with the recovery code...</source>
        <translation>Approuver avec le code de récupération…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Review...</source>
        <translation>Examiner…</translation>
    </message>
    <message>
        <source>Renew the key now</source>
        <translation>Renouveler la clé maintenant</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Endorse the sheet...</source>
        <translation>Valider la fiche…</translation>
    </message>
    <message>
        <source>&amp;Approve access to clinical data...</source>
        <translation>&amp;Approuver l'accès clinique…</translation>
    </message>
    <message>
        <source>&amp;Endorse the new recovery sheet...</source>
        <translation>&amp;Valider la nouvelle fiche de récupération…</translation>
    </message>
    <message>
        <source>&amp;Renew the clinical key</source>
        <translation>&amp;Renouveler la clé clinique</translation>
    </message>
    <message>
        <source>Renewing the clinical key...</source>
        <translation>Renouvellement de la clé clinique…</translation>
    </message>
    <message>
        <source>Your access to clinical data has been approved.</source>
        <translation>Votre accès aux données cliniques a été approuvé.</translation>
    </message>
    <message>
        <source>Still awaiting approval: nobody has approved your account yet.</source>
        <translation>Toujours en attente : personne n'a encore approuvé votre compte.</translation>
    </message>
    <message>
        <source>Your access to clinical data awaits approval. Nobody holds the clinical key yet: the first clinical account is approved with the recovery code of the database.</source>
        <translation>Votre accès aux données cliniques attend une approbation. Personne ne détient encore la clé clinique : le premier compte clinique est approuvé avec le code de récupération de la base.</translation>
    </message>
    <message>
        <source>Your access to clinical data awaits the approval of a practitioner or genetic counsellor who already holds it: they will be asked at their next login. Until then, clinical data stay hidden from you.</source>
        <translation>Votre accès aux données cliniques attend l'approbation d'un praticien ou d'un conseiller en génétique qui le détient déjà : elle lui sera demandée à sa prochaine connexion. D'ici là, les données cliniques vous restent masquées.</translation>
    </message>
    <message>
        <source>Accounts awaiting your approval for access to clinical data: {count}.</source>
        <translation>Comptes en attente de votre approbation pour l'accès aux données cliniques : {count}.</translation>
    </message>
    <message>
        <source>The clinical key must be renewed: an account has lost its access to clinical data. Clinical data are then re-encrypted in the background while you work.</source>
        <translation>La clé clinique doit être renouvelée : un compte a perdu son accès aux données cliniques. Les données cliniques sont ensuite rechiffrées en arrière-plan pendant que vous travaillez.</translation>
    </message>
    <message>
        <source>A new recovery sheet was issued: its code does not open clinical data until a holder of the clinical key endorses it.</source>
        <translation>Une nouvelle fiche de récupération a été émise : son code n'ouvre pas les données cliniques tant qu'un détenteur de la clé clinique ne l'a pas validée.</translation>
    </message>
    <message>
        <source>The clinical key was renewed.</source>
        <translation>La clé clinique a été renouvelée.</translation>
    </message>
    <message>
        <source>Re-encrypting clinical data with the new key: {done} of {total} values. You can keep working.</source>
        <translation>Rechiffrement des données cliniques avec la nouvelle clé : {done} valeurs sur {total}. Vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <source>Clinical data re-encrypted with the new key ({count} values).</source>
        <translation>Données cliniques rechiffrées avec la nouvelle clé ({count} valeurs).</translation>
    </message>
    <message>
        <source>The re-encryption of clinical data has stopped: {reason} It resumes at the next login of a holder of the key.</source>
        <translation>Le rechiffrement des données cliniques s'est interrompu : {reason} Il reprendra à la prochaine connexion d'un détenteur de la clé.</translation>
    </message>
    <message>
        <source>Endorsing the recovery sheet...</source>
        <translation>Validation de la fiche de récupération…</translation>
    </message>
    <message>
        <source>The code of the new recovery sheet now opens clinical data: keep the sheet locked away.</source>
        <translation>Le code de la nouvelle fiche de récupération ouvre désormais les données cliniques : gardez la fiche sous clé.</translation>
    </message>
</context>
<context>
    <name>ClinicalReencryptionJob</name>
    <message>
        <source>Re-encrypting clinical data...</source>
        <translation>Rechiffrement des données cliniques…</translation>
    </message>
</context>
<context>
    <name>ComputerBindingDialog</name>
    <message>
        <source>Unbind my account from this computer</source>
        <translation>Délier mon compte de cet ordinateur</translation>
    </message>
    <message>
        <source>Bind my account to this computer</source>
        <translation>Lier mon compte à cet ordinateur</translation>
    </message>
    <message>
        <source>Your account is bound to this computer: it opens only here, in this session of the operating system.

Unbinding lets you sign in again from any computer that reaches this database. Do it before handing this computer back, for instance.</source>
        <translation>Votre compte est lié à cet ordinateur : il ne s'ouvre qu'ici, dans cette session du système.

Le délier vous permet de vous connecter à nouveau depuis tout poste qui accède à cette base. Faites-le par exemple avant de rendre cet ordinateur.</translation>
    </message>
    <message>
        <source>For a laptop taken to outreach consultations: once bound, your key also needs a secret kept in this computer's keyring, so the database files copied off this computer cannot be attacked offline.

Your account will then open only on this computer, in this session of the operating system. If the computer is lost or replaced, the recovery code or a password reset by an administrator restores access.</source>
        <translation>Pour un ordinateur portable emporté en consultation avancée : une fois le compte lié, votre clé exige aussi un secret conservé dans le trousseau de cet ordinateur ; les fichiers de la base copiés hors de cet ordinateur ne peuvent donc pas être attaqués hors ligne.

Votre compte ne s'ouvrira alors que sur cet ordinateur, dans cette session du système. Si l'ordinateur est perdu ou remplacé, le code de récupération ou une réinitialisation du mot de passe par un administrateur rétablit l'accès.</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>Votre &amp;mot de passe :</translation>
    </message>
    <message>
        <source>Unbind</source>
        <translation>Délier</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Updating the key slot…</source>
        <translation>Mise à jour de la clé du compte…</translation>
    </message>
</context>
<context>
    <name>ConsentTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Portée</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <source>Enter the date as DD/MM/YYYY.</source>
        <translation>Saisissez la date au format JJ/MM/AAAA.</translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation>Cette date n'existe pas.</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>DocumentCategory</name>
    <message>
        <source>Laboratory report</source>
        <extracomment>One label per domain category (the keys are exactly ``DocumentCategory``).</extracomment>
        <translation>Compte rendu de laboratoire</translation>
    </message>
    <message>
        <source>Pathology report</source>
        <translation>Compte rendu anatomopathologique</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>DocumentCategoryShort</name>
    <message>
        <source>Laboratory</source>
        <extracomment>The same, short, for the list's column.</extracomment>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation>Anatomopathologie</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>DocumentDetailsDialog</name>
    <message>
        <source>Attach a document</source>
        <extracomment>The file dialog's filter: the accepted extensions. Selecting a row shows it after this pause (arrow keys through a list read nothing).</extracomment>
        <translation>Joindre un document</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Informations du document</translation>
    </message>
    <message>
        <source>File “{name}” — {kind}, {size}</source>
        <translation>Fichier « {name} » — {kind}, {size}</translation>
    </message>
    <message>
        <source>File “{name}” — {kind}, {size}; attached on {day} by {who}</source>
        <translation>Fichier « {name} » — {kind}, {size} ; joint le {day} par {who}</translation>
    </message>
    <message>
        <source>This PDF is protected by a password: it will be kept as received, and its password will be asked to display it.</source>
        <translation>Ce PDF est protégé par un mot de passe : il sera conservé tel qu'il a été reçu, et son mot de passe sera demandé pour l'afficher.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Date of the document</source>
        <translation>&amp;Date du document</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <source>Leave empty if the document has no date.</source>
        <translation>Laissez vide si le document n'est pas daté.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Joindre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>{size} B</source>
        <translation>{size} o</translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation>{size} ko</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>PDF, 1 page</source>
        <translation>PDF, 1 page</translation>
    </message>
    <message>
        <source>PDF, {count} pages</source>
        <translation>PDF, {count} pages</translation>
    </message>
    <message>
        <source>PDF, protected</source>
        <translation>PDF protégé</translation>
    </message>
    <message>
        <source>Protected by a password: kept as received; its password is asked to display it.</source>
        <translation>Protégé par un mot de passe : conservé tel qu'il a été reçu ; son mot de passe est demandé pour l'afficher.</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>non daté</translation>
    </message>
    <message>
        <source>File “{file}”, attached by {name}</source>
        <translation>Fichier « {file} », joint par {name}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number}…</source>
        <extracomment>Zoom factors offered by the − and + buttons (1.0: a point is 96/72 pixels: 100 %). Pages kept rendered beyond those in view (before and after). A larger image is decoded at a reduced size for the screen (long side, pixels).</extracomment>
        <translation>Page {number}…</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Réduire (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Agrandir (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>The page as wide as the view (Ctrl+0)</source>
        <translation>La page aussi large que la vue (Ctrl+0)</translation>
    </message>
    <message>
        <source>This PDF is protected by a password (it was attached as received). Type its password to display it; the password is not kept.</source>
        <translation>Ce PDF est protégé par un mot de passe (il a été joint tel qu'il a été reçu). Saisissez son mot de passe pour l'afficher ; le mot de passe n'est pas conservé.</translation>
    </message>
    <message>
        <source>Password of the PDF</source>
        <translation>Mot de passe du PDF</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Choose a document in the list.</source>
        <translation>Choisissez un document dans la liste.</translation>
    </message>
    <message>
        <source>Opening “{title}”…</source>
        <translation>Ouverture de « {title} »…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Page {page} / {count}</source>
        <translation>Page {page} / {count}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Attach files…</source>
        <translation>Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Attach PDF, JPEG or PNG files of at most {size} (Insert)</source>
        <translation>Joindre des fichiers PDF, JPEG ou PNG de {size} au plus (Inser)</translation>
    </message>
    <message>
        <source>Drop PDF, JPEG or PNG files here to attach them ({size} at most each). They are kept encrypted in the database.</source>
        <translation>Déposez ici des fichiers PDF, JPEG ou PNG pour les joindre ({size} au plus chacun). Ils sont conservés chiffrés dans la base.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Change the title, date or category (F2)</source>
        <translation>Modifier le titre, la date ou la catégorie (F2)</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Write a copy of this document to a file of your choice (Ctrl+Shift+S). The copy is not encrypted; it is recorded in the event log.</source>
        <translation>Écrire une copie de ce document dans un fichier de votre choix (Ctrl+Maj+S). La copie n'est pas chiffrée ; elle est enregistrée dans le journal des événements.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete this document from the file (Delete)</source>
        <translation>Supprimer ce document du dossier (Suppr)</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>No document yet</source>
        <translation>Aucun document pour l'instant</translation>
    </message>
    <message>
        <source>No document selected</source>
        <translation>Aucun document sélectionné</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>non daté</translation>
    </message>
    <message>
        <source>Opening “{title}” ({size})…</source>
        <translation>Ouverture de « {title} » ({size})…</translation>
    </message>
    <message>
        <source>Opening a document…</source>
        <translation>Ouverture d'un document…</translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation>Joindre des documents</translation>
    </message>
    <message>
        <source>Documents (PDF, JPEG, PNG) ({patterns})</source>
        <translation>Documents (PDF, JPEG, PNG) ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation>Lecture de « {name} »…</translation>
    </message>
    <message>
        <source>Reading a file…</source>
        <translation>Lecture d'un fichier…</translation>
    </message>
    <message>
        <source>Attaching “{name}” ({size}): encrypting and saving…</source>
        <translation>Ajout de « {name} » ({size}) : chiffrement et enregistrement…</translation>
    </message>
    <message>
        <source>Attaching a document…</source>
        <translation>Ajout d'un document…</translation>
    </message>
    <message>
        <source>“{title}” is attached.</source>
        <translation>« {title} » est joint au dossier.</translation>
    </message>
    <message>
        <source>Saving the details…</source>
        <translation>Enregistrement des informations…</translation>
    </message>
    <message>
        <source>Delete a document</source>
        <translation>Supprimer un document</translation>
    </message>
    <message>
        <source>Delete “{title}” from this file?</source>
        <translation>Supprimer « {title} » de ce dossier ?</translation>
    </message>
    <message>
        <source>The document and its content are removed from the database. The deletion is recorded in the event log.</source>
        <translation>Le document et son contenu sont retirés de la base. La suppression est enregistrée dans le journal des événements.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the document…</source>
        <translation>Suppression du document…</translation>
    </message>
    <message>
        <source>“{title}” was deleted.</source>
        <translation>« {title} » a été supprimé.</translation>
    </message>
    <message>
        <source>Save a copy of the document</source>
        <translation>Enregistrer une copie du document</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Enregistrement d'une copie…</translation>
    </message>
    <message>
        <source>Copy saved: {path}</source>
        <translation>Copie enregistrée : {path}</translation>
    </message>
</context>
<context>
    <name>DuplicateCandidatesDialog</name>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>One or more existing patient files look like this patient. Check that it is not the same person before creating a new file.</source>
        <translation>Un ou plusieurs dossiers existants ressemblent à ce patient. Vérifiez qu'il ne s'agit pas de la même personne avant de créer un nouveau dossier.</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Créer quand même</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Erase the patient file</source>
        <translation>Effacer le dossier patient</translation>
    </message>
    <message>
        <source>The file will be erased for good, at the patient's request: identity, history, family, genetics, every version, documents, follow-up plan, appointments and shares. Only a record that a file was erased stays in the event log, without any name. This cannot be undone.</source>
        <translation>Le dossier sera effacé définitivement, à la demande du patient : identité, antécédents, famille, génétique, toutes les versions, documents, plan de suivi, rendez-vous et partages. Seule la mention qu'un dossier a été effacé reste dans le journal des événements, sans aucun nom. C'est irréversible.</translation>
    </message>
    <message>
        <source>To confirm, type the patient's birth name: {name}</source>
        <translation>Pour confirmer, saisissez le nom de naissance du patient : {name}</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Effacer définitivement</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The requested item no longer exists. It may have been deleted.</source>
        <translation>L'élément demandé n'existe plus. Il a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing it. Reload it to see their changes, then apply yours again.</source>
        <translation>Quelqu'un d'autre a enregistré cette fiche pendant que vous la modifiiez. Rechargez-la pour voir ses modifications, puis appliquez à nouveau les vôtres.</translation>
    </message>
    <message>
        <source>Incorrect login or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>This account is suspended or revoked. Contact your administrator.</source>
        <translation>Ce compte est suspendu ou révoqué. Contactez votre administrateur.</translation>
    </message>
    <message>
        <source>The system keyring is not available on this computer. An account linked to this computer cannot be used here.</source>
        <translation>Le trousseau système n'est pas disponible sur cet ordinateur. Un compte lié à un ordinateur ne peut pas être utilisé ici.</translation>
    </message>
    <message>
        <source>You must first replace your temporary password.</source>
        <translation>Vous devez d'abord remplacer votre mot de passe provisoire.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Try again in a moment.</source>
        <translation>La connexion à la base de données a été perdue. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>{person} is the father of {children} but is not male.</source>
        <translation>{person} est le père de {children} mais n'est pas de sexe masculin.</translation>
    </message>
    <message>
        <source>{person} is the mother of {children} but is not female.</source>
        <translation>{person} est la mère de {children} mais n'est pas de sexe féminin.</translation>
    </message>
    <message>
        <source>{person}: a cancer of this site ({site}) is not possible for this sex ({sex}).</source>
        <translation>{person} : un cancer ({site}) est impossible pour une personne de sexe {sex}.</translation>
    </message>
    <message>
        <source>Your account was suspended by an administrator: the session is closed.</source>
        <translation>Votre compte a été suspendu par un administrateur : la session est fermée.</translation>
    </message>
    <message>
        <source>Your account was revoked: the session is closed.</source>
        <translation>Votre compte a été révoqué : la session est fermée.</translation>
    </message>
    <message>
        <source>Your account no longer exists: the session is closed.</source>
        <translation>Votre compte n'existe plus : la session est fermée.</translation>
    </message>
    <message>
        <source>An error occurred: the operation was not completed.</source>
        <translation>Une erreur est survenue : l'opération n'a pas été effectuée.</translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation>Certaines informations saisies ne sont pas valides.</translation>
    </message>
    <message>
        <source>This identification number is not valid.</source>
        <translation>Ce numéro d'identification n'est pas valide.</translation>
    </message>
    <message>
        <source>Your role does not allow you to perform this action.</source>
        <translation>Votre rôle ne vous permet pas d'effectuer cette action.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in {minutes} minute(s).</source>
        <translation>Trop de tentatives échouées. Réessayez dans {minutes} minute(s).</translation>
    </message>
    <message>
        <source>The password does not meet the security rules.</source>
        <translation>Le mot de passe ne respecte pas les règles de sécurité.</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>La base de données ne peut pas être utilisée.</translation>
    </message>
    <message>
        <source>A similar file already exists (same birth date and a close name, or the same NIR): check that it is not the same patient before creating a new file.</source>
        <translation>Un dossier semblable existe déjà (même date de naissance et nom proche, ou même NIR) : vérifiez qu'il ne s'agit pas du même patient avant de créer un nouveau dossier.</translation>
    </message>
    <message>
        <source>The command line is not valid.</source>
        <translation>La ligne de commande n'est pas valide.</translation>
    </message>
    <message>
        <source>{identifier} must be entered as text.</source>
        <translation>{identifier} doit être saisi sous forme de texte.</translation>
    </message>
    <message>
        <source>{identifier} is missing.</source>
        <translation>{identifier} n'est pas renseigné.</translation>
    </message>
    <message>
        <source>{identifier} must contain digits only.</source>
        <translation>{identifier} ne doit contenir que des chiffres.</translation>
    </message>
    <message>
        <source>{identifier} must contain digits only (the department may be 2A or 2B for Corsica).</source>
        <translation>{identifier} ne doit contenir que des chiffres (le département peut être 2A ou 2B pour la Corse).</translation>
    </message>
    <message>
        <source>{identifier} must have {expected} digits, not {got}.</source>
        <translation>{identifier} doit comporter {expected} chiffres, et non {got}.</translation>
    </message>
    <message>
        <source>{identifier} must have {expected} characters, not {got}.</source>
        <translation>{identifier} doit comporter {expected} caractères, et non {got}.</translation>
    </message>
    <message>
        <source>Unknown professional identifier type (RPPS, ADELI or FINESS expected).</source>
        <translation>Type d'identifiant professionnel inconnu (RPPS, ADELI ou FINESS attendu).</translation>
    </message>
    <message>
        <source>The check key (Luhn) of the RPPS number does not match: check the number, then confirm it if it is correct.</source>
        <translation>La clé de contrôle (Luhn) du numéro RPPS ne correspond pas : vérifiez le numéro, puis confirmez s'il est exact.</translation>
    </message>
    <message>
        <source>The check key of the FINESS number is incorrect: check the number.</source>
        <translation>La clé de contrôle du numéro FINESS est incorrecte : vérifiez le numéro.</translation>
    </message>
    <message>
        <source>The NIR must have {expected} characters including the key, not {got}.</source>
        <translation>Le NIR doit comporter {expected} caractères, clé comprise, et non {got}.</translation>
    </message>
    <message>
        <source>The first digit of the NIR must be 1 (man) or 2 (woman), or 3, 4, 7 or 8 for a temporary number.</source>
        <translation>Le premier chiffre du NIR doit être 1 (homme) ou 2 (femme), ou 3, 4, 7 ou 8 pour un numéro provisoire.</translation>
    </message>
    <message>
        <source>The NIR key is incorrect.</source>
        <translation>La clé du NIR est incorrecte.</translation>
    </message>
    <message>
        <source>The NIR is not valid.</source>
        <translation>Le NIR n'est pas valide.</translation>
    </message>
    <message>
        <source>The INSEE birthplace code is incorrect: the commune number cannot be 000.</source>
        <translation>Le code INSEE du lieu de naissance est incorrect : le numéro de commune ne peut pas être 000.</translation>
    </message>
    <message>
        <source>The INSEE birthplace code is incorrect: no department has the number {department}.</source>
        <translation>Le code INSEE du lieu de naissance est incorrect : aucun département ne porte le numéro {department}.</translation>
    </message>
    <message>
        <source>The INSEE birthplace code is incorrect: for Corsica, the department is written 2A or 2B.</source>
        <translation>Le code INSEE du lieu de naissance est incorrect : pour la Corse, le département s'écrit 2A ou 2B.</translation>
    </message>
    <message>
        <source>The INSEE birthplace code is incorrect: overseas codes start with 971 to 978.</source>
        <translation>Le code INSEE du lieu de naissance est incorrect : les codes d'outre-mer commencent par 971 à 978.</translation>
    </message>
    <message>
        <source>The INSEE birthplace code is incorrect: the codes of the Pacific communities start with 984 to 989.</source>
        <translation>Le code INSEE du lieu de naissance est incorrect : les codes des collectivités du Pacifique commencent par 984 à 989.</translation>
    </message>
    <message>
        <source>The INSEE birthplace code is incorrect: foreign country codes range from 99100 to 99599.</source>
        <translation>Le code INSEE du lieu de naissance est incorrect : les codes de pays étrangers vont de 99100 à 99599.</translation>
    </message>
    <message>
        <source>{name} may only contain letters, spaces, hyphens and apostrophes.</source>
        <translation>{name} ne peut contenir que des lettres, des espaces, des traits d'union et des apostrophes.</translation>
    </message>
    <message>
        <source>The birth name is required.</source>
        <translation>Le nom de naissance est obligatoire.</translation>
    </message>
    <message>
        <source>The first name is required.</source>
        <translation>Le prénom est obligatoire.</translation>
    </message>
    <message>
        <source>The birth date is required.</source>
        <translation>La date de naissance est obligatoire.</translation>
    </message>
    <message>
        <source>The birth date cannot be in the future.</source>
        <translation>La date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>The birth date cannot be before 1 January 1900.</source>
        <translation>La date de naissance ne peut pas être antérieure au 1er janvier 1900.</translation>
    </message>
    <message>
        <source>The sex must be F (female), M (male) or I (indeterminate).</source>
        <translation>Le sexe doit être F (féminin), M (masculin) ou I (indéterminé).</translation>
    </message>
    <message>
        <source>The vital status must be “alive”, “deceased” or “unknown”.</source>
        <translation>Le statut vital doit être « vivant », « décédé » ou « inconnu ».</translation>
    </message>
    <message>
        <source>A date of death can only be entered for a deceased patient.</source>
        <translation>Une date de décès ne peut être saisie que pour un patient décédé.</translation>
    </message>
    <message>
        <source>The date of death cannot be before the birth date.</source>
        <translation>La date de décès ne peut pas être antérieure à la date de naissance.</translation>
    </message>
    <message>
        <source>The date of death cannot be in the future.</source>
        <translation>La date de décès ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>The identity status must be PROV, RECUP, VALI or QUAL.</source>
        <translation>Le statut de l'identité doit être PROV, RECUP, VALI ou QUAL.</translation>
    </message>
    <message>
        <source>A validated or qualified identity needs the birthplace code.</source>
        <translation>Une identité validée ou qualifiée nécessite le code du lieu de naissance.</translation>
    </message>
    <message>
        <source>A qualified identity needs the NIR (INS number).</source>
        <translation>Une identité qualifiée nécessite le NIR (matricule INS).</translation>
    </message>
    <message>
        <source>The NIR does not match the sex entered (the first digit is 1 for a man, 2 for a woman).</source>
        <translation>Le NIR ne correspond pas au sexe saisi (le premier chiffre est 1 pour un homme, 2 pour une femme).</translation>
    </message>
    <message>
        <source>The birth year coded in the NIR does not match the birth date.</source>
        <translation>L'année de naissance codée dans le NIR ne correspond pas à la date de naissance.</translation>
    </message>
    <message>
        <source>The birth month coded in the NIR does not match the birth date.</source>
        <translation>Le mois de naissance codé dans le NIR ne correspond pas à la date de naissance.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid (example: firstname.lastname@example.com).</source>
        <translation>L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).</translation>
    </message>
    <message>
        <source>The postal code must have 5 digits.</source>
        <translation>Le code postal doit comporter 5 chiffres.</translation>
    </message>
    <message>
        <source>The phone number may only contain digits, spaces, dots and a leading +.</source>
        <translation>Le numéro de téléphone ne peut contenir que des chiffres, des espaces, des points et un + initial.</translation>
    </message>
    <message>
        <source>A French phone number (+33) must have 9 digits after the country code.</source>
        <translation>Un numéro de téléphone français (+33) doit comporter 9 chiffres après l'indicatif.</translation>
    </message>
    <message>
        <source>An international phone number must have 6 to 15 digits.</source>
        <translation>Le numéro de téléphone international doit comporter de 6 à 15 chiffres.</translation>
    </message>
    <message>
        <source>The phone number must have 10 digits and start with 0 (or with + followed by the country code).</source>
        <translation>Le numéro de téléphone doit comporter 10 chiffres et commencer par 0 (ou par + suivi de l'indicatif du pays).</translation>
    </message>
    <message>
        <source>The login must have 3 to 64 characters: lower-case letters without accents, digits, dot, hyphen or underscore.</source>
        <translation>L'identifiant doit comporter de 3 à 64 caractères : lettres minuscules sans accent, chiffres, point, tiret ou tiret bas.</translation>
    </message>
    <message>
        <source>This login is already used by another account.</source>
        <translation>Cet identifiant est déjà utilisé par un autre compte.</translation>
    </message>
    <message>
        <source>The login of an account cannot be changed.</source>
        <translation>L'identifiant d'un compte ne peut pas être modifié.</translation>
    </message>
    <message>
        <source>The last name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>The name of the structure is required.</source>
        <translation>Le nom de la structure est obligatoire.</translation>
    </message>
    <message>
        <source>This field is too long ({max_length} characters at most).</source>
        <translation>Ce champ est trop long ({max_length} caractères au plus).</translation>
    </message>
    <message>
        <source>The chosen role does not exist.</source>
        <translation>Le rôle choisi n'existe pas.</translation>
    </message>
    <message>
        <source>The e-mail address is too long.</source>
        <translation>L'adresse e-mail est trop longue.</translation>
    </message>
    <message>
        <source>A health professional must have an RPPS or ADELI number.</source>
        <translation>Un professionnel de santé doit avoir un numéro RPPS ou ADELI.</translation>
    </message>
    <message>
        <source>Only a secretary account can assist practitioners.</source>
        <translation>Seul un compte de secrétariat peut assister des praticiens.</translation>
    </message>
    <message>
        <source>A secretary can only assist active practitioners or counsellors.</source>
        <translation>Un secrétariat ne peut assister que des praticiens ou conseillers actifs.</translation>
    </message>
    <message>
        <source>This structure does not exist.</source>
        <translation>Cette structure n'existe pas.</translation>
    </message>
    <message>
        <source>Another structure already uses this FINESS number.</source>
        <translation>Une autre structure utilise déjà ce numéro FINESS.</translation>
    </message>
    <message>
        <source>This account does not exist.</source>
        <translation>Ce compte n'existe pas.</translation>
    </message>
    <message>
        <source>This account is revoked: it can no longer be changed.</source>
        <translation>Ce compte est révoqué : il ne peut plus être modifié.</translation>
    </message>
    <message>
        <source>You cannot change your own role.</source>
        <translation>Vous ne pouvez pas modifier votre propre rôle.</translation>
    </message>
    <message>
        <source>You cannot suspend or revoke your own account.</source>
        <translation>Vous ne pouvez pas suspendre ou révoquer votre propre compte.</translation>
    </message>
    <message>
        <source>At least one active administrator must remain.</source>
        <translation>Il doit rester au moins un administrateur actif.</translation>
    </message>
    <message>
        <source>The first account must be an administrator account.</source>
        <translation>Le premier compte doit être un compte administrateur.</translation>
    </message>
    <message>
        <source>This account is not an active administrator account.</source>
        <translation>Ce compte n'est pas un compte administrateur actif.</translation>
    </message>
    <message>
        <source>The two passwords entered are different.</source>
        <translation>Les deux mots de passe saisis sont différents.</translation>
    </message>
    <message>
        <source>The session is locked: unlock it to continue.</source>
        <translation>La session est verrouillée : déverrouillez-la pour continuer.</translation>
    </message>
    <message>
        <source>The session is closed: sign in again.</source>
        <translation>La session est fermée : reconnectez-vous.</translation>
    </message>
    <message>
        <source>No user is signed in.</source>
        <translation>Aucun utilisateur n'est connecté.</translation>
    </message>
    <message>
        <source>This action is reserved for administrators.</source>
        <translation>Action réservée aux administrateurs.</translation>
    </message>
    <message>
        <source>You do not have access to this patient file.</source>
        <translation>Vous n'avez pas accès à ce dossier patient.</translation>
    </message>
    <message>
        <source>This file is shared with you read-only.</source>
        <translation>Ce dossier vous est partagé en lecture seule.</translation>
    </message>
    <message>
        <source>You can only view your own events.</source>
        <translation>Vous ne pouvez consulter que vos propres événements.</translation>
    </message>
    <message>
        <source>This patient file does not exist.</source>
        <translation>Ce dossier patient n'existe pas.</translation>
    </message>
    <message>
        <source>You cannot delete your own account.</source>
        <translation>Vous ne pouvez pas supprimer votre propre compte.</translation>
    </message>
    <message>
        <source>Only the account of a departed (revoked) user can be deleted: revoke it first.</source>
        <translation>Seul le compte d'un utilisateur parti (révoqué) peut être supprimé : révoquez-le d'abord.</translation>
    </message>
    <message>
        <source>This account is already deleted.</source>
        <translation>Ce compte est déjà supprimé.</translation>
    </message>
    <message>
        <source>The number of files to delete changed since the confirmation ({expected} announced, {found} now): nothing was deleted, try again.</source>
        <translation>Le nombre de dossiers à supprimer a changé depuis la confirmation ({expected} annoncés, {found} maintenant) : rien n'a été supprimé, recommencez.</translation>
    </message>
    <message>
        <source>This alert no longer exists.</source>
        <translation>Cette alerte n'existe plus.</translation>
    </message>
    <message>
        <source>This alert concerns no existing account.</source>
        <translation>Cette alerte ne concerne aucun compte existant.</translation>
    </message>
    <message>
        <source>This account has no email address: it cannot be informed.</source>
        <translation>Ce compte n'a pas d'adresse électronique : impossible de l'informer.</translation>
    </message>
    <message>
        <source>Choose the practitioner in charge of the file.</source>
        <translation>Choisissez le praticien responsable du dossier.</translation>
    </message>
    <message>
        <source>You can only create a file for a practitioner you assist.</source>
        <translation>Vous ne pouvez créer un dossier que pour un praticien que vous assistez.</translation>
    </message>
    <message>
        <source>The file is created in your name: another practitioner in charge cannot be chosen.</source>
        <translation>Le dossier est créé à votre nom : un autre responsable ne peut pas être choisi.</translation>
    </message>
    <message>
        <source>An OISO database already exists in this folder.</source>
        <translation>Une base OISO existe déjà dans ce dossier.</translation>
    </message>
    <message>
        <source>This path is not a folder: {path}</source>
        <translation>Ce chemin n'est pas un dossier : {path}</translation>
    </message>
    <message>
        <source>The location of the database could not be saved in {path}: {reason}.</source>
        <translation>Impossible d'enregistrer l'emplacement de la base de données dans {path} : {reason}.</translation>
    </message>
    <message>
        <source>The export file cannot be written: {path} ({reason}).</source>
        <translation>Impossible d'écrire le fichier d'export : {path} ({reason}).</translation>
    </message>
    <message>
        <source>The file cannot be read: {path} ({reason}).</source>
        <translation>Le fichier ne peut pas être lu : {path} ({reason}).</translation>
    </message>
    <message>
        <source>The file {path} is too large to be imported ({maximum} kB at most): nothing was imported.</source>
        <translation>Le fichier {path} est trop volumineux pour être importé ({maximum} ko au plus) : rien n'a été importé.</translation>
    </message>
    <message>
        <source>The recovery sheet could not be saved in “{path}”: {reason}.</source>
        <translation>La fiche de récupération n'a pas pu être enregistrée dans « {path} » : {reason}.</translation>
    </message>
    <message>
        <source>The database file cannot be found: {path}</source>
        <translation>Le fichier de base de données est introuvable : {path}</translation>
    </message>
    <message>
        <source>The database file is truncated or damaged.</source>
        <translation>Le fichier de base de données est tronqué ou endommagé.</translation>
    </message>
    <message>
        <source>This file is an unencrypted SQLite database: it is not an OISO database.</source>
        <translation>Ce fichier est une base SQLite non chiffrée : ce n'est pas une base OISO.</translation>
    </message>
    <message>
        <source>The database cannot be opened with this key: the file is damaged or the key belongs to another database.</source>
        <translation>Impossible d'ouvrir la base de données avec cette clé : fichier endommagé ou clé d'une autre base.</translation>
    </message>
    <message>
        <source>The database is damaged: some pages cannot be decrypted. Restore the latest backup.</source>
        <translation>La base de données est endommagée : certaines pages ne peuvent pas être déchiffrées. Restaurez la dernière sauvegarde.</translation>
    </message>
    <message>
        <source>The database is in use by another session of OISO Desktop: close it, then try again.</source>
        <translation>La base de données est utilisée par une autre session d'OISO Desktop : fermez-la puis réessayez.</translation>
    </message>
    <message>
        <source>The database is busy with another computer: try again in a few moments.</source>
        <translation>La base de données est occupée par un autre poste : réessayez dans quelques instants.</translation>
    </message>
    <message>
        <source>This database does not belong to this key file.</source>
        <translation>Cette base de données n'appartient pas à ce trousseau de clés.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be read (insufficient rights): check its permissions or ask your IT department for access.</source>
        <translation>Le fichier de base de données {path} ne peut pas être lu (droits insuffisants) : vérifiez ses permissions ou demandez l'accès à votre service informatique.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be modified (insufficient rights): check its permissions or ask your IT department for access.</source>
        <translation>Le fichier de base de données {path} ne peut pas être modifié (droits insuffisants) : vérifiez ses permissions ou demandez l'accès à votre service informatique.</translation>
    </message>
    <message>
        <source>The database folder {path} cannot be modified (insufficient rights): OISO Desktop must be able to write its transaction log there.</source>
        <translation>Le dossier de la base de données {path} ne peut pas être modifié (droits insuffisants) : OISO Desktop doit pouvoir y écrire son journal de transactions.</translation>
    </message>
    <message>
        <source>The folder {path} cannot be created or changed. Choose another folder.</source>
        <translation>Le dossier {path} ne peut pas être créé ou modifié. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>The text entered is not valid UTF-8 text.</source>
        <translation>Le texte saisi n'est pas du texte UTF-8 valide.</translation>
    </message>
    <message>
        <source>Unknown reason for a key change.</source>
        <translation>Motif de changement de clé inconnu.</translation>
    </message>
    <message>
        <source>The delay before the automatic lock must be a whole number of minutes, between {minimum} and {maximum} minutes.</source>
        <translation>La durée avant verrouillage automatique doit être un nombre entier de minutes, comprise entre {minimum} et {maximum} minutes.</translation>
    </message>
    <message>
        <source>Changing the key only applies to the local database.</source>
        <translation>Le changement de clé ne concerne que la base locale.</translation>
    </message>
    <message>
        <source>The key file cannot be found: {path}</source>
        <translation>Le fichier de clés est introuvable : {path}</translation>
    </message>
    <message>
        <source>The key file cannot be read: {path} ({reason}).</source>
        <translation>Le fichier de clés ne peut pas être lu : {path} ({reason}).</translation>
    </message>
    <message>
        <source>The key file is damaged or is not an OISO key file: {path}.</source>
        <translation>Le fichier de clés est endommagé ou n'est pas un fichier de clés OISO : {path}.</translation>
    </message>
    <message>
        <source>This key file comes from a newer version of OISO Desktop: update the application.</source>
        <translation>Ce fichier de clés provient d'une version plus récente d'OISO Desktop : mettez l'application à jour.</translation>
    </message>
    <message>
        <source>The key file is damaged: an encrypted key cannot be read.</source>
        <translation>Le fichier de clés est endommagé : une clé chiffrée est illisible.</translation>
    </message>
    <message>
        <source>The key file is damaged: the database key cannot be decrypted for this account.</source>
        <translation>Le fichier de clés est endommagé : la clé de la base de données ne peut pas être déchiffrée pour ce compte.</translation>
    </message>
    <message>
        <source>The key file has been busy with another session of OISO Desktop for more than {seconds} seconds: try again in a moment.</source>
        <translation>Le fichier de clés est occupé par une autre session d'OISO Desktop depuis plus de {seconds} secondes : réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The lock of the file {name} cannot be created: {reason}.</source>
        <translation>Le verrou du fichier {name} ne peut pas être créé : {reason}.</translation>
    </message>
    <message>
        <source>The file of failed logins is damaged: {path}.</source>
        <translation>Le fichier des échecs de connexion est endommagé : {path}.</translation>
    </message>
    <message>
        <source>The file of failed logins cannot be read: {path} ({reason}).</source>
        <translation>Le fichier des échecs de connexion ne peut pas être lu : {path} ({reason}).</translation>
    </message>
    <message>
        <source>Failed logins cannot be recorded.</source>
        <translation>Les échecs de connexion ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>The key of this session is not available: log in again.</source>
        <translation>La clé de cette session n'est pas disponible : reconnectez-vous.</translation>
    </message>
    <message>
        <source>The database key changed since this session opened: log in again.</source>
        <translation>La clé de la base a changé depuis l'ouverture de cette session : reconnectez-vous.</translation>
    </message>
    <message>
        <source>The key of this session no longer matches the key file: log in again, then try again.</source>
        <translation>La clé de cette session ne correspond plus au fichier de clés : reconnectez-vous puis réessayez.</translation>
    </message>
    <message>
        <source>Another session of OISO Desktop has the database open: the key change (revocation) is pending. It will be done as soon as the database is free, at the next opening or when you start it again.</source>
        <translation>La base est ouverte par une autre session d'OISO Desktop : le changement de clé (révocation) est en attente. Il se fera dès que la base sera libre, à la prochaine ouverture ou quand vous le relancerez.</translation>
    </message>
    <message>
        <source>A change of the database key is already pending.</source>
        <translation>Un changement de clé de la base est déjà en attente.</translation>
    </message>
    <message>
        <source>A change of the database key is pending: the pending key is not available in this session. Log in again, then try again.</source>
        <translation>Un changement de clé de la base est en attente : la clé en attente n'est pas disponible dans cette session. Reconnectez-vous puis réessayez.</translation>
    </message>
    <message>
        <source>The key change pending in the key file is not the one just applied: nothing was committed. Log in again before trying again.</source>
        <translation>Le changement de clé en attente dans le fichier de clés n'est pas celui qui vient d'être appliqué : rien n'a été validé. Reconnectez-vous avant de réessayer.</translation>
    </message>
    <message>
        <source>The new database key could not be checked in the key file: the database keeps its current key.</source>
        <translation>La nouvelle clé de la base n'a pas pu être vérifiée dans le fichier de clés : la base garde sa clé actuelle.</translation>
    </message>
    <message>
        <source>The change of the database key failed: the database keeps its current key.</source>
        <translation>Le changement de clé de la base n'a pas abouti : la base garde sa clé actuelle.</translation>
    </message>
    <message>
        <source>The keys of this database are not available.</source>
        <translation>Les clés de cette base ne sont pas disponibles.</translation>
    </message>
    <message>
        <source>The database key is not available.</source>
        <translation>La clé de la base n'est pas disponible.</translation>
    </message>
    <message>
        <source>No key exists for this account.</source>
        <translation>Aucune clé n'existe pour ce compte.</translation>
    </message>
    <message>
        <source>The private key does not match this account.</source>
        <translation>La clé privée ne correspond pas à ce compte.</translation>
    </message>
    <message>
        <source>This key does not match the current key of the database.</source>
        <translation>Cette clé ne correspond pas à la clé actuelle de la base de données.</translation>
    </message>
    <message>
        <source>This key file holds no recovery code.</source>
        <translation>Ce trousseau de clés ne contient pas de code de récupération.</translation>
    </message>
    <message>
        <source>Incorrect recovery code.</source>
        <translation>Code de récupération incorrect.</translation>
    </message>
    <message>
        <source>This account is linked to this computer but its secret cannot be found in the system keyring. Use the recovery code or ask the administrator to reset your password.</source>
        <translation>Ce compte est lié à cet ordinateur mais son secret est introuvable dans le trousseau système. Utilisez le code de récupération ou demandez à l'administrateur de réinitialiser votre mot de passe.</translation>
    </message>
    <message>
        <source>The system keyring refused the requested operation. Check that it is unlocked, then try again.</source>
        <translation>Le trousseau système a refusé l'opération demandée. Vérifiez qu'il est déverrouillé puis réessayez.</translation>
    </message>
    <message>
        <source>A secret in the system keyring cannot be read.</source>
        <translation>Un secret du trousseau système est illisible.</translation>
    </message>
    <message>
        <source>Unattended maintenance is not set up for this database: an administrator must run “oiso-desktop maintenance setup-unattended”.</source>
        <translation>La maintenance sans surveillance n'est pas configurée pour cette base : un administrateur doit lancer « oiso-desktop maintenance setup-unattended ».</translation>
    </message>
    <message>
        <source>The secret of unattended maintenance is not in this account's system keyring: run maintenance with the system account that set it up, or set it up again.</source>
        <translation>Le secret de la maintenance sans surveillance est introuvable dans le trousseau système de ce compte : lancez la maintenance avec le compte du système qui l'a configurée, ou configurez-la de nouveau.</translation>
    </message>
    <message>
        <source>The secret in the system keyring does not open this database's maintenance key: set up unattended maintenance again.</source>
        <translation>Le secret du trousseau système n'ouvre pas la clé de maintenance de cette base : configurez de nouveau la maintenance sans surveillance.</translation>
    </message>
    <message>
        <source>No system keyring is available for this account: unattended maintenance cannot be used (a secret is never written in plain text).</source>
        <translation>Aucun trousseau système n'est disponible pour ce compte : la maintenance sans surveillance est impossible (aucun secret n'est jamais écrit en clair).</translation>
    </message>
    <message>
        <source>A maintenance step failed unexpectedly (the database busy or unreachable?): the other steps ran, and it will be tried again at the next run.</source>
        <translation>Une étape de la maintenance a échoué de façon inattendue (base occupée ou inaccessible ?) : les autres étapes ont été faites, elle sera reprise à la prochaine exécution.</translation>
    </message>
    <message>
        <source>“{value}” is not an age: enter a number (45), an approximate age (~45, 40-49, &lt; 50) or “unknown”.</source>
        <translation>« {value} » n'est pas un âge : saisissez un nombre (45), un âge approché (~45, 40-49, &lt; 50) ou « inconnu ».</translation>
    </message>
    <message>
        <source>The age “{value}” must be between 0 and {maximum} years.</source>
        <translation>L'âge « {value} » doit être compris entre 0 et {maximum} ans.</translation>
    </message>
    <message>
        <source>The person “{person_id}” is not in the family.</source>
        <translation>La personne « {person_id} » n'est pas dans la famille.</translation>
    </message>
    <message>
        <source>{person} already has parents.</source>
        <translation>{person} a déjà des parents.</translation>
    </message>
    <message>
        <source>{person} and {partner} are already partners.</source>
        <translation>{person} et {partner} sont déjà partenaires.</translation>
    </message>
    <message>
        <source>Give the sex of {person} before adding a child (a father is male, a mother female).</source>
        <translation>Précisez le sexe de {person} avant de lui ajouter un enfant (un père est de sexe masculin, une mère de sexe féminin).</translation>
    </message>
    <message>
        <source>{person} has several partners: choose the other parent.</source>
        <translation>{person} a plusieurs partenaires : choisissez l'autre parent.</translation>
    </message>
    <message>
        <source>The proband cannot be removed from the family.</source>
        <translation>Le cas index ne peut pas être retiré de la famille.</translation>
    </message>
    <message>
        <source>{person} has children in the family: remove the children first.</source>
        <translation>{person} a des enfants dans la famille : retirez d'abord ses enfants.</translation>
    </message>
    <message>
        <source>The family has {count} people: at most {maximum}.</source>
        <translation>La famille compte {count} personnes : au plus {maximum}.</translation>
    </message>
    <message>
        <source>The identifier “{person_id}” is empty or used by several people.</source>
        <translation>L'identifiant « {person_id} » est vide ou utilisé par plusieurs personnes.</translation>
    </message>
    <message>
        <source>{person}: unknown sex “{value}” (F, M or U).</source>
        <translation>{person} : sexe « {value} » inconnu (F, M ou U).</translation>
    </message>
    <message>
        <source>{person}: the birth year {year} must be between {minimum} and {maximum}.</source>
        <translation>{person} : l'année de naissance {year} doit être comprise entre {minimum} et {maximum}.</translation>
    </message>
    <message>
        <source>{person}: the age {age} is not possible for someone born in {birth_year}.</source>
        <translation>{person} : l'âge {age} est impossible pour une personne née en {birth_year}.</translation>
    </message>
    <message>
        <source>{person}: an age at death is entered but the person is alive.</source>
        <translation>{person} : un âge au décès est saisi alors que la personne est vivante.</translation>
    </message>
    <message>
        <source>{person}: the value “{value}” of the field “{field_name}” is not valid.</source>
        <translation>{person} : la valeur « {value} » du champ « {field_name} » n'est pas valide.</translation>
    </message>
    <message>
        <source>{person}: the parent “{parent_id}” is not in the family.</source>
        <translation>{person} : le parent « {parent_id} » n'est pas dans la famille.</translation>
    </message>
    <message>
        <source>{person}: enter both parents or neither.</source>
        <translation>{person} : indiquez les deux parents ou aucun.</translation>
    </message>
    <message>
        <source>{person} (born in {child_year} at the latest) cannot be the child of {parent} (born in {parent_year} at the earliest): a parent is at least {minimum} when their child is born.</source>
        <translation>{person} (né(e) au plus tard en {child_year}) ne peut pas être l'enfant de {parent} (né(e) au plus tôt en {parent_year}) : un parent a au moins {minimum} ans à la naissance de son enfant.</translation>
    </message>
    <message>
        <source>{person}: unknown cancer site “{site}”.</source>
        <translation>{person} : localisation de cancer « {site} » inconnue.</translation>
    </message>
    <message>
        <source>{person}: the diagnosis ({site}, at {age}) comes after the death (at {death_age}).</source>
        <translation>{person} : le diagnostic ({site}, à {age} ans) est postérieur au décès (à {death_age} ans).</translation>
    </message>
    <message>
        <source>{person}: the age at diagnosis ({site}, {age}) is above the person's age ({current_age} at most).</source>
        <translation>{person} : l'âge au diagnostic ({site}, {age} ans) dépasse l'âge de la personne ({current_age} ans au plus).</translation>
    </message>
    <message>
        <source>{person}: a contralateral breast cancer follows a first breast cancer (enter the first one, at a lower or equal age).</source>
        <translation>{person} : un cancer du sein controlatéral suit un premier cancer du sein (saisissez d'abord le premier, à un âge inférieur ou égal).</translation>
    </message>
    <message>
        <source>{person}: “{gene}” is not a gene symbol (BRCA1, MLH1...).</source>
        <translation>{person} : « {gene} » n'est pas un symbole de gène (BRCA1, MLH1...).</translation>
    </message>
    <message>
        <source>{person}: the result of the {gene} test ({result}) is not valid.</source>
        <translation>{person} : le résultat du test {gene} ({result}) n'est pas valide.</translation>
    </message>
    <message>
        <source>No one is marked as the proband.</source>
        <translation>Aucune personne n'est désignée comme cas index.</translation>
    </message>
    <message>
        <source>There can be only one proband; several people are: {probands}.</source>
        <translation>Il ne peut y avoir qu'un cas index ; plusieurs personnes le sont : {probands}.</translation>
    </message>
    <message>
        <source>Circular parentage: {people} are among their own ancestors.</source>
        <translation>Filiation circulaire : {people} se retrouvent parmi leurs propres ancêtres.</translation>
    </message>
    <message>
        <source>{person} is linked to the proband by no link (parent, child or partner).</source>
        <translation>{person} n'est relié(e) au cas index par aucun lien (parent, enfant ou partenaire).</translation>
    </message>
    <message>
        <source>Incorrect twin group ({people}): at least two people of the family, each in one group only.</source>
        <translation>Groupe de jumeaux incorrect ({people}) : au moins deux personnes de la famille, chacune dans un seul groupe.</translation>
    </message>
    <message>
        <source>The twins {people} must have the same parents.</source>
        <translation>Les jumeaux {people} doivent avoir les mêmes parents.</translation>
    </message>
    <message>
        <source>The monozygotic twins {people} must have the same sex.</source>
        <translation>Les jumeaux monozygotes {people} doivent être de même sexe.</translation>
    </message>
    <message>
        <source>The twins {people} must have the same birth year.</source>
        <translation>Les jumeaux {people} doivent avoir la même année de naissance.</translation>
    </message>
    <message>
        <source>Incorrect couple ({people}): two different people of the family, listed once.</source>
        <translation>Couple incorrect ({people}) : deux personnes différentes de la famille, une seule fois.</translation>
    </message>
    <message>
        <source>The CanRisk file contains no one.</source>
        <translation>Le fichier CanRisk ne contient aucune personne.</translation>
    </message>
    <message>
        <source>the file does not start with a “##CanRisk 1.0” to “##CanRisk 4.0” header (found: “{found}”).</source>
        <translation>le fichier ne commence pas par un en-tête « ##CanRisk 1.0 » à « ##CanRisk 4.0 » (trouvé : « {found} »).</translation>
    </message>
    <message>
        <source>the column names are not those of the CanRisk {version} format (missing: {missing}; unexpected: {unexpected}).</source>
        <translation>les noms de colonnes ne sont pas ceux du format CanRisk {version} (manquantes : {missing} ; inattendues : {unexpected}).</translation>
    </message>
    <message>
        <source>the line of column names (##FamID Name Target...) is missing before the data: the columns of the format are assumed, in order.</source>
        <translation>la ligne des noms de colonnes (##FamID Name Target...) manque avant les données : les colonnes du format sont supposées dans l'ordre.</translation>
    </message>
    <message>
        <source>the line has {count} fields instead of {expected}.</source>
        <translation>la ligne a {count} champs au lieu de {expected}.</translation>
    </message>
    <message>
        <source>person {person}, column {column}: “{value}” is not a possible value ({expected}).</source>
        <translation>personne {person}, colonne {column} : « {value} » n'est pas une valeur possible ({expected}).</translation>
    </message>
    <message>
        <source>person {person}: this identifier is already that of a person on line {first_line}.</source>
        <translation>personne {person} : cet identifiant est déjà celui d'une personne de la ligne {first_line}.</translation>
    </message>
    <message>
        <source>person {person}, column MZtwin: the monozygotic twin code “{value}” appears {count} times (exactly 2 expected).</source>
        <translation>personne {person}, colonne MZtwin : le code de jumeaux monozygotes « {value} » apparaît {count} fois (exactement 2 attendues).</translation>
    </message>
    <message>
        <source>person {person}, column {column}: tumour markers are entered without a first breast cancer (BC1).</source>
        <translation>personne {person}, colonne {column} : des marqueurs tumoraux sont saisis sans premier cancer du sein (BC1).</translation>
    </message>
    <message>
        <source>{person}: CanRisk needs the sex of every person (F or M).</source>
        <translation>{person} : CanRisk exige le sexe de chaque personne (F ou M).</translation>
    </message>
    <message>
        <source>CanRisk only accepts pairs of monozygotic twins, {maximum} at most: {people}.</source>
        <translation>CanRisk n'accepte que des paires de jumeaux monozygotes, au plus {maximum} : {people}.</translation>
    </message>
    <message>
        <source>An encrypted clinical value cannot be read: it was altered or moved, or the clinical key does not match.</source>
        <translation>Une donnée clinique chiffrée est illisible : elle a été altérée ou déplacée, ou la clé clinique ne correspond pas.</translation>
    </message>
    <message>
        <source>This clinical value is encrypted with a clinical key this session does not hold: log in again.</source>
        <translation>Cette donnée clinique est chiffrée avec une clé clinique que cette session ne détient pas : reconnectez-vous.</translation>
    </message>
    <message>
        <source>A clinical column only accepts encrypted data.</source>
        <translation>Une colonne clinique ne peut recevoir que des données chiffrées.</translation>
    </message>
    <message>
        <source>This database has no clinical key yet.</source>
        <translation>Cette base n'a pas encore de clé clinique.</translation>
    </message>
    <message>
        <source>The clinical key has changed since this session opened: log in again, then retry.</source>
        <translation>La clé clinique a changé depuis l'ouverture de cette session : reconnectez-vous puis réessayez.</translation>
    </message>
    <message>
        <source>Your access to clinical data awaits the approval of a practitioner or counsellor who already holds it.</source>
        <translation>Votre accès aux données cliniques attend l'approbation d'un praticien ou d'un conseiller qui le détient déjà.</translation>
    </message>
    <message>
        <source>This account is not awaiting access to clinical data.</source>
        <translation>Ce compte n'attend pas d'accès aux données cliniques.</translation>
    </message>
    <message>
        <source>A practitioner or counsellor already holds the clinical key: they approve this account, not the recovery code.</source>
        <translation>Un praticien ou un conseiller détient déjà la clé clinique : c'est à lui d'approuver ce compte, pas au code de récupération.</translation>
    </message>
    <message>
        <source>Only the current recovery code gives access to clinical data: first have a clinical account approved with that code, then issue a new sheet.</source>
        <translation>Seul le code de récupération actuel donne accès aux données cliniques : faites d'abord approuver un compte clinique avec ce code, puis émettez une nouvelle feuille.</translation>
    </message>
    <message>
        <source>The clinical key written in the key file does not chain to any trusted key: it may have been substituted. It is not used; tell the administrator.</source>
        <translation>La clé clinique inscrite dans le fichier de clés ne se rattache à aucune clé de confiance : elle a pu être substituée. Elle n'est pas utilisée ; prévenez l'administrateur.</translation>
    </message>
    <message>
        <source>Trust marks of the clinical key are missing from the key file although the event log shows they were set (or cannot show they were not): nobody is trusted anew and the key is not renewed. Tell the administrator.</source>
        <translation>Des marques de confiance de la clé clinique manquent dans le fichier de clés alors que le journal montre qu'elles ont été posées (ou ne peut pas montrer le contraire) : personne n'est approuvé de nouveau et la clé n'est pas renouvelée. Prévenez l'administrateur.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid date: enter it as DD/MM/YYYY.</source>
        <translation>« {value} » n'est pas une date valide : saisissez-la sous la forme JJ/MM/AAAA.</translation>
    </message>
    <message>
        <source>{person} is named in the Genetics tab (predictive test or family information): remove those mentions first, then delete the person.</source>
        <translation>{person} est cité(e) dans l'onglet Génétique (test prédictif ou information de la famille) : retirez d'abord ces mentions, puis supprimez la personne.</translation>
    </message>
    <message>
        <source>The summary could not be saved: {path} ({reason}).</source>
        <translation>La synthèse n'a pas pu être enregistrée : {path} ({reason}).</translation>
    </message>
    <message>
        <source>The link to patient file no. {patient_id} was not saved: you cannot open that file, or it does not exist.</source>
        <translation>Le lien vers le dossier n° {patient_id} n'a pas été enregistré : vous ne pouvez pas ouvrir ce dossier, ou il n'existe pas.</translation>
    </message>
    <message>
        <source>Attachment no. {document_id} does not belong to this file: the link was not saved.</source>
        <translation>Le document joint n° {document_id} n'appartient pas à ce dossier : le lien n'a pas été enregistré.</translation>
    </message>
    <message>
        <source>The file “{file_name}” is empty: it was not attached.</source>
        <translation>Le fichier « {file_name} » est vide : il n'a pas été joint.</translation>
    </message>
    <message>
        <source>The file “{file_name}” is too large ({size}): {maximum} at most.</source>
        <translation>Le fichier « {file_name} » est trop volumineux ({size}) : {maximum} au plus.</translation>
    </message>
    <message>
        <source>The file “{file_name}” was not attached: only PDF, JPEG and PNG files are accepted (extension {extension}).</source>
        <translation>Le fichier « {file_name} » n'a pas été joint : seuls les fichiers PDF, JPEG et PNG sont acceptés (extension {extension}).</translation>
    </message>
    <message>
        <source>The file “{file_name}” was not attached: its name announces a {announced} file but its content is of type {found}.</source>
        <translation>Le fichier « {file_name} » n'a pas été joint : son nom annonce un fichier {announced} mais son contenu est de type {found}.</translation>
    </message>
    <message>
        <source>The file “{file_name}” is damaged and cannot be read: it was not attached. Ask for a new copy.</source>
        <translation>Le fichier « {file_name} » est endommagé et ne peut pas être lu : il n'a pas été joint. Demandez-en une nouvelle copie.</translation>
    </message>
    <message>
        <source>The image “{file_name}” is too large ({pixels} pixels): {maximum} million pixels at most. Reduce its resolution before attaching it.</source>
        <translation>L'image « {file_name} » est trop grande ({pixels} pixels) : {maximum} millions de pixels au plus. Réduisez sa résolution avant de la joindre.</translation>
    </message>
    <message>
        <source>This file is already attached to this patient file: “{title}”.</source>
        <translation>Ce fichier est déjà joint à ce dossier : « {title} ».</translation>
    </message>
    <message>
        <source>The document was not saved: {count} problem(s), each shown at its field.</source>
        <translation>Le document n'a pas été enregistré : {count} problème(s), chacun signalé à son champ.</translation>
    </message>
    <message>
        <source>Give the document a title.</source>
        <translation>Donnez un titre au document.</translation>
    </message>
    <message>
        <source>The date of the document ({date}) is in the future.</source>
        <translation>La date du document ({date}) est dans le futur.</translation>
    </message>
    <message>
        <source>The date of the document ({date}) is before {year}: check the year.</source>
        <translation>La date du document ({date}) est antérieure à {year} : vérifiez l'année.</translation>
    </message>
    <message>
        <source>Unknown document category “{value}”.</source>
        <translation>Catégorie de document inconnue : « {value} ».</translation>
    </message>
    <message>
        <source>This document no longer exists: it may have been deleted.</source>
        <translation>Ce document n'existe plus : il a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>Someone else modified or deleted this document since it was shown: the list was read again; make your change again if it is still needed.</source>
        <translation>Ce document a été modifié ou supprimé par quelqu'un d'autre depuis son affichage : la liste a été relue, refaites votre modification si elle est encore utile.</translation>
    </message>
    <message>
        <source>The saved content of this document is incomplete or altered: it cannot be read.</source>
        <translation>Le contenu enregistré de ce document est incomplet ou altéré : il ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The copy could not be saved: {path} ({reason}).</source>
        <translation>La copie n'a pas pu être enregistrée : {path} ({reason}).</translation>
    </message>
    <message>
        <source>This PDF is protected by a password: type it to display the document.</source>
        <translation>Ce PDF est protégé par un mot de passe : saisissez-le pour afficher le document.</translation>
    </message>
    <message>
        <source>Wrong password: this PDF could not be opened.</source>
        <translation>Mot de passe incorrect : ce PDF n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>This document cannot be displayed: its content cannot be read. Save a copy to open it with other software.</source>
        <translation>Ce document ne peut pas être affiché : son contenu est illisible. Enregistrez-en une copie pour l'ouvrir avec un autre logiciel.</translation>
    </message>
    <message>
        <source>This exam is not known.</source>
        <translation>Cet examen n'est pas connu.</translation>
    </message>
    <message>
        <source>The time of an appointment is given to the minute.</source>
        <translation>L'heure du rendez-vous se donne à la minute près.</translation>
    </message>
    <message>
        <source>The duration of the appointment must be between 1 and {maximum} minutes.</source>
        <translation>La durée du rendez-vous doit être comprise entre 1 et {maximum} minutes.</translation>
    </message>
    <message>
        <source>Enter the place of the appointment.</source>
        <translation>Indiquez le lieu du rendez-vous.</translation>
    </message>
    <message>
        <source>This text is too long ({max_length} characters at most).</source>
        <translation>Ce texte est trop long ({max_length} caractères au plus).</translation>
    </message>
    <message>
        <source>The appointment of {date} would be before the patient's birth ({birth_date}).</source>
        <translation>Le rendez-vous du {date} serait avant la naissance du patient ({birth_date}).</translation>
    </message>
    <message>
        <source>This patient has died: no appointment can be given to them.</source>
        <translation>Ce patient est décédé : aucun rendez-vous ne peut lui être donné.</translation>
    </message>
    <message>
        <source>The appointment of {date} at {time} is already past.</source>
        <translation>Le rendez-vous du {date} à {time} est déjà passé.</translation>
    </message>
    <message>
        <source>This appointment cannot be changed this way in its current state.</source>
        <translation>Ce rendez-vous ne peut pas être modifié ainsi dans son état actuel.</translation>
    </message>
    <message>
        <source>This patient already has an appointment on {date} at {time}.</source>
        <translation>Ce patient a déjà un rendez-vous le {date} à {time}.</translation>
    </message>
    <message>
        <source>This place is already booked on {date} at {time}, at times that overlap this one.</source>
        <translation>Ce lieu est déjà réservé le {date} à {time} sur un créneau qui chevauche celui-ci.</translation>
    </message>
    <message>
        <source>This appointment no longer exists.</source>
        <translation>Ce rendez-vous n'existe pas (ou plus).</translation>
    </message>
    <message>
        <source>Someone else changed this appointment meanwhile. Reload it, then try again.</source>
        <translation>Quelqu'un d'autre a modifié ce rendez-vous entre-temps. Rechargez-le, puis recommencez.</translation>
    </message>
    <message>
        <source>Appointments are given with an active practitioner or genetic counsellor.</source>
        <translation>Un rendez-vous se donne avec un praticien ou un conseiller en génétique actif.</translation>
    </message>
    <message>
        <source>Select at least one line to print letters for.</source>
        <translation>Choisissez au moins une ligne pour laquelle imprimer un courrier.</translation>
    </message>
    <message>
        <source>The letters could not be saved: {path} ({reason}).</source>
        <translation>Les courriers n'ont pas pu être enregistrés : {path} ({reason}).</translation>
    </message>
    <message>
        <source>Select at least one appointment to export.</source>
        <translation>Choisissez au moins un rendez-vous à exporter.</translation>
    </message>
    <message>
        <source>The calendar could not be saved: {path} ({reason}).</source>
        <translation>Le calendrier n'a pas pu être enregistré : {path} ({reason}).</translation>
    </message>
    <message>
        <source>Give the reason for this change to the protocol.</source>
        <translation>Indiquez le motif de cette modification du protocole.</translation>
    </message>
    <message>
        <source>The protocol “{key}” does not exist.</source>
        <translation>Le protocole « {key} » n'existe pas.</translation>
    </message>
    <message>
        <source>Someone else saved a version of this protocol meanwhile. Reload it, then try again.</source>
        <translation>Quelqu'un d'autre a enregistré une version de ce protocole entre-temps. Rechargez-le, puis recommencez.</translation>
    </message>
    <message>
        <source>Your account belongs to no structure: the choice of recommendations is made per structure.</source>
        <translation>Votre compte n'est rattaché à aucun établissement : le choix des recommandations se fait par établissement.</translation>
    </message>
    <message>
        <source>Unknown recommendations “{value}” (fr or esge).</source>
        <translation>Recommandation « {value} » inconnue (fr ou esge).</translation>
    </message>
    <message>
        <source>Someone else changed the choice of recommendations meanwhile. Reload it, then try again.</source>
        <translation>Quelqu'un d'autre a modifié le choix des recommandations entre-temps. Rechargez-le, puis recommencez.</translation>
    </message>
    <message>
        <source>This exam is not (or no longer) in the follow-up plan.</source>
        <translation>Cet examen ne figure pas (ou plus) dans le plan de suivi.</translation>
    </message>
    <message>
        <source>An exam cannot be marked as done on {date}, in the future.</source>
        <translation>Un examen ne peut pas être marqué comme fait le {date}, dans le futur.</translation>
    </message>
    <message>
        <source>An exam cannot be marked as done on {date}, before the patient's birth ({birth_date}).</source>
        <translation>Un examen ne peut pas être marqué comme fait le {date}, avant la naissance du patient ({birth_date}).</translation>
    </message>
    <message>
        <source>The horizon of the list must be between 0 and {maximum} weeks.</source>
        <translation>L'horizon de la liste doit être compris entre 0 et {maximum} semaines.</translation>
    </message>
    <message>
        <source>The key “{key}” is not valid (lower-case letters, digits and “_”).</source>
        <translation>La clé « {key} » n'est pas valide (lettres minuscules, chiffres et « _ »).</translation>
    </message>
    <message>
        <source>The protocol must have a name.</source>
        <translation>Le protocole doit avoir un nom.</translation>
    </message>
    <message>
        <source>The protocol must name at least one gene (or be selected by hand).</source>
        <translation>Le protocole doit indiquer au moins un gène (ou être choisi manuellement).</translation>
    </message>
    <message>
        <source>“{gene}” is not a valid gene symbol (upper-case HGNC symbol, e.g. TP53).</source>
        <translation>« {gene} » n'est pas un symbole de gène valide (symbole HGNC en majuscules, par exemple TP53).</translation>
    </message>
    <message>
        <source>Unknown version “{value}” for this protocol.</source>
        <translation>Version « {value} » inconnue pour ce protocole.</translation>
    </message>
    <message>
        <source>The version number ({value}) must be a positive whole number.</source>
        <translation>Le numéro de version ({value}) doit être un entier positif.</translation>
    </message>
    <message>
        <source>The protocol must contain at least one exam.</source>
        <translation>Le protocole doit comporter au moins un examen.</translation>
    </message>
    <message>
        <source>The exam key “{key}” is not valid (lower-case letters, digits and “_”).</source>
        <translation>La clé d'examen « {key} » n'est pas valide (lettres minuscules, chiffres et « _ »).</translation>
    </message>
    <message>
        <source>The exam key “{key}” appears twice in the protocol.</source>
        <translation>La clé d'examen « {key} » figure deux fois dans le protocole.</translation>
    </message>
    <message>
        <source>An “other” exam must be named.</source>
        <translation>Un examen « autre » doit être nommé.</translation>
    </message>
    <message>
        <source>The exam must apply to women, to men or to both.</source>
        <translation>L'examen doit s'appliquer aux femmes, aux hommes ou aux deux.</translation>
    </message>
    <message>
        <source>An age of {age} years is not possible: it must be between {minimum} and {maximum} years.</source>
        <translation>L'âge de {age} ans n'est pas possible : il doit être compris entre {minimum} et {maximum} ans.</translation>
    </message>
    <message>
        <source>The end age ({end_age} years) must be greater than the start age ({start_age} years).</source>
        <translation>L'âge de fin ({end_age} ans) doit être supérieur à l'âge de début ({start_age} ans).</translation>
    </message>
    <message>
        <source>The interval between two exams ({interval} months) must be at least one month and at most 120 years.</source>
        <translation>L'intervalle entre deux examens ({interval} mois) doit être d'au moins un mois et d'au plus 120 ans.</translation>
    </message>
    <message>
        <source>The ages of the special schedule must be ascending, from the start age and before the end age.</source>
        <translation>Les âges du calendrier particulier doivent être croissants, à partir de l'âge de début et avant l'âge de fin.</translation>
    </message>
    <message>
        <source>Unknown risk-reducing surgery “{surgery}”.</source>
        <translation>Chirurgie de réduction de risque « {surgery} » inconnue.</translation>
    </message>
    <message>
        <source>The saved protocol cannot be read (field “{path}”).</source>
        <translation>Le protocole enregistré ne peut pas être lu (champ « {path} »).</translation>
    </message>
    <message>
        <source>Give the reason for this change to the plan.</source>
        <translation>Indiquez le motif de cette modification du plan.</translation>
    </message>
    <message>
        <source>The change to the plan changes nothing: adjust an age, the interval, or stop the exam.</source>
        <translation>La modification du plan ne change rien : ajustez un âge, l'intervalle, ou arrêtez l'examen.</translation>
    </message>
    <message>
        <source>This account has not replaced its temporary password yet: access to clinical data will be approved afterwards.</source>
        <translation>Ce compte n'a pas encore remplacé son mot de passe provisoire : l'accès aux données cliniques sera approuvé ensuite.</translation>
    </message>
    <message>
        <source>Unknown cancer site “{site}”.</source>
        <translation>Localisation de cancer « {site} » inconnue.</translation>
    </message>
    <message>
        <source>A cancer of this site ({site}) is not possible for this sex ({sex}).</source>
        <translation>Un cancer de cette localisation ({site}) est impossible pour ce sexe ({sex}).</translation>
    </message>
    <message>
        <source>The value “{value}” is not possible here.</source>
        <translation>La valeur « {value} » n'est pas possible ici.</translation>
    </message>
    <message>
        <source>The date {date} is before the birth date ({birth_date}).</source>
        <translation>La date du {date} précède la naissance ({birth_date}).</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>La date du {date} est dans le futur.</translation>
    </message>
    <message>
        <source>The age of {age} is above the patient's age ({current_age}).</source>
        <translation>L'âge de {age} ans dépasse l'âge de la patiente ou du patient ({current_age} ans).</translation>
    </message>
    <message>
        <source>The age entered ({age}) does not match the date {date} (age {date_age} then).</source>
        <translation>L'âge saisi ({age} ans) ne correspond pas à la date du {date} ({date_age} ans).</translation>
    </message>
    <message>
        <source>Cancer ({site}): hormone receptors, HER2 and grade are only entered for a breast cancer.</source>
        <translation>Cancer ({site}) : les récepteurs hormonaux, HER2 et le grade ne se renseignent que pour un cancer du sein.</translation>
    </message>
    <message>
        <source>Cancer ({site}): MSI status and immunohistochemistry are only entered for a colorectal or endometrial cancer.</source>
        <translation>Cancer ({site}) : le statut MSI et l'immunohistochimie ne se renseignent que pour un cancer colorectal ou de l'endomètre.</translation>
    </message>
    <message>
        <source>Unknown risk-reducing surgery “{kind}”.</source>
        <translation>Chirurgie de réduction de risque « {kind} » inconnue.</translation>
    </message>
    <message>
        <source>This surgery ({surgery}) is not possible for a male patient.</source>
        <translation>Cette chirurgie ({surgery}) est impossible pour un patient de sexe masculin.</translation>
    </message>
    <message>
        <source>Side of the surgery ({surgery}): left, right or bilateral for a mastectomy, none for a surgery without sides.</source>
        <translation>Côté de la chirurgie ({surgery}) : gauche, droite ou bilatérale pour une mastectomie, aucun pour une chirurgie sans côté.</translation>
    </message>
    <message>
        <source>The form was not saved: {count} problem(s), each shown at its field.</source>
        <translation>Le formulaire n'a pas été enregistré : {count} problème(s), chacun signalé à son champ.</translation>
    </message>
    <message>
        <source>Someone else saved this form while you were editing it. Both versions are shown: keep what you typed, take theirs, or combine them, then save again.</source>
        <translation>Quelqu'un d'autre a enregistré ce formulaire pendant que vous le modifiiez. Les deux versions sont affichées : gardez votre saisie, reprenez la sienne ou combinez-les, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>Unknown clinical form type “{kind}”.</source>
        <translation>Type de formulaire clinique inconnu : « {kind} ».</translation>
    </message>
    <message>
        <source>The saved content of the clinical form cannot be read (field “{path}”).</source>
        <translation>Le contenu enregistré du formulaire clinique est illisible (champ « {path} »).</translation>
    </message>
    <message>
        <source>This form was saved by a newer version of OISO Desktop: update the application to open it.</source>
        <translation>Ce formulaire a été enregistré par une version plus récente d'OISO Desktop : mettez l'application à jour pour l'ouvrir.</translation>
    </message>
    <message>
        <source>This form has no version number {revision}.</source>
        <translation>Ce formulaire n'a pas de version n° {revision}.</translation>
    </message>
    <message>
        <source>This follow-up data was saved by a newer version of the application.</source>
        <translation>Ces données de suivi ont été enregistrées par une version plus récente de l'application.</translation>
    </message>
    <message>
        <source>The standard output is closed or full: the password could not be shown. Nothing was changed.</source>
        <translation>La sortie standard est fermée ou pleine : le mot de passe ne pourrait pas être affiché. Rien n'a été modifié.</translation>
    </message>
    <message>
        <source>No OISO database is configured on this computer: give its folder with --folder.</source>
        <translation>Aucune base OISO n'est configurée sur ce poste : indiquez son dossier avec --folder.</translation>
    </message>
    <message>
        <source>Required value missing: {value}.</source>
        <translation>Valeur obligatoire manquante : {value}.</translation>
    </message>
    <message>
        <source>--unattended runs without --as: unattended maintenance uses no account.</source>
        <translation>--unattended se lance sans --as : la maintenance sans surveillance n'utilise aucun compte.</translation>
    </message>
    <message>
        <source>Invalid date: {text} (expected YYYY-MM-DD or DD/MM/YYYY).</source>
        <translation>Date invalide : {text} (attendu AAAA-MM-JJ ou JJ/MM/AAAA).</translation>
    </message>
    <message>
        <source>No account has the login “{login}”.</source>
        <translation>Aucun compte ne porte l'identifiant « {login} ».</translation>
    </message>
    <message>
        <source>Unknown action: “{action}”. Give an action code of the event log.</source>
        <translation>Action inconnue : « {action} ». Indiquez un code d'action du journal.</translation>
    </message>
    <message>
        <source>A login requires STARTTLS or TLS: without encryption, the password would cross the network in clear.</source>
        <translation>Une connexion avec identifiant exige STARTTLS ou TLS : sans chiffrement, le mot de passe circulerait en clair sur le réseau.</translation>
    </message>
    <message>
        <source>The RPPS number</source>
        <translation>Le numéro RPPS</translation>
    </message>
    <message>
        <source>The ADELI number</source>
        <translation>Le numéro ADELI</translation>
    </message>
    <message>
        <source>The FINESS number</source>
        <translation>Le numéro FINESS</translation>
    </message>
    <message>
        <source>The NIR</source>
        <translation>Le NIR</translation>
    </message>
    <message>
        <source>The INSEE birthplace code</source>
        <translation>Le code INSEE du lieu de naissance</translation>
    </message>
    <message>
        <source>The birth name</source>
        <translation>Le nom de naissance</translation>
    </message>
    <message>
        <source>The used name</source>
        <translation>Le nom d'usage</translation>
    </message>
    <message>
        <source>The first name</source>
        <translation>Le prénom</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in a moment.</source>
        <translation>Trop de tentatives échouées. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>An unexpected error occurred. The operation was not completed; if the problem persists, contact your IT support.</source>
        <translation>Une erreur inattendue est survenue. L'opération n'a pas été effectuée ; si le problème persiste, contactez votre support informatique.</translation>
    </message>
    <message>
        <source>Too short: at least 12 characters (14 with three kinds of characters).</source>
        <translation>Trop court : au moins 12 caractères (14 avec trois types de caractères).</translation>
    </message>
    <message>
        <source>Mix lower case, upper case, digits and symbols.</source>
        <translation>Mélangez minuscules, majuscules, chiffres et symboles.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l'actuel.</translation>
    </message>
    <message>
        <source>Too easy to guess (common word, keyboard run, repetition).</source>
        <translation>Trop facile à deviner (mot courant, suite de touches, répétition).</translation>
    </message>
    <message>
        <source>Line {line} (family {family_id}), </source>
        <translation>Ligne {line} (famille {family_id}), </translation>
    </message>
    <message>
        <source>Line {line}: </source>
        <translation>Ligne {line} : </translation>
    </message>
    <message>
        <source>Must not contain the login.</source>
        <translation>Ne doit pas contenir l'identifiant.</translation>
    </message>
    <message>
        <source>Must not contain the first or last name.</source>
        <translation>Ne doit pas contenir le prénom ou le nom.</translation>
    </message>
    <message>
        <source>Enter the gene (HGNC symbol, for example BRCA2).</source>
        <translation>Saisissez le gène (symbole HGNC, par exemple BRCA2).</translation>
    </message>
    <message>
        <source>“{gene}” is not an HGNC gene symbol (capital letters and digits, for example BRCA2 or RAD51C).</source>
        <translation>« {gene} » n'est pas un symbole de gène HGNC (lettres majuscules et chiffres, par exemple BRCA2 ou RAD51C).</translation>
    </message>
    <message>
        <source>{gene} is not in the list of predisposition genes: check the symbol.</source>
        <translation>{gene} ne fait pas partie de la liste des gènes de prédisposition : vérifiez le symbole.</translation>
    </message>
    <message>
        <source>Enter the HGVS c. description of the variant (for example c.5946del).</source>
        <translation>Saisissez la description HGVS c. du variant (par exemple c.5946del).</translation>
    </message>
    <message>
        <source>“{value}” is not a valid HGVS c. description (cannot be read at character {position}). Examples: c.5946del, c.68-2A&gt;G, c.1234_1235insT.</source>
        <translation>« {value} » n'est pas une description HGVS c. valide (lecture impossible au caractère {position}). Exemples : c.5946del, c.68-2A&gt;G, c.1234_1235insT.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid HGVS p. description (cannot be read at character {position}). Examples: p.(Ser1982Argfs*22), p.Arg1699Trp, p.(=).</source>
        <translation>« {value} » n'est pas une description HGVS p. valide (lecture impossible au caractère {position}). Exemples : p.(Ser1982Argfs*22), p.Arg1699Trp, p.(=).</translation>
    </message>
    <message>
        <source>“{value}”: the start of the range must come before its end.</source>
        <translation>« {value} » : le début de l'intervalle doit précéder sa fin.</translation>
    </message>
    <message>
        <source>“{value}”: an insertion goes between two neighbouring positions (for example 1234_1235ins).</source>
        <translation>« {value} » : une insertion se place entre deux positions voisines (par exemple 1234_1235ins).</translation>
    </message>
    <message>
        <source>Unknown ACMG class “{value}”: choose a class from 1 (benign) to 5 (pathogenic).</source>
        <translation>Classe ACMG « {value} » inconnue : choisissez une classe de 1 (bénin) à 5 (pathogène).</translation>
    </message>
    <message>
        <source>Choose the ACMG class of the variant, from 1 (benign) to 5 (pathogenic).</source>
        <translation>Choisissez la classe ACMG du variant, de 1 (bénin) à 5 (pathogène).</translation>
    </message>
    <message>
        <source>This variant ({variant}) is already entered.</source>
        <translation>Ce variant ({variant}) est déjà saisi.</translation>
    </message>
    <message>
        <source>Enter the date (DD/MM/YYYY).</source>
        <translation>Saisissez la date (JJ/MM/AAAA).</translation>
    </message>
    <message>
        <source>The date {date} is before the patient's birth ({birth_date}).</source>
        <translation>La date du {date} précède la naissance de la patiente ou du patient ({birth_date}).</translation>
    </message>
    <message>
        <source>A panel analyses at least one gene: enter its genes.</source>
        <translation>Un panel analyse au moins un gène : saisissez ses gènes.</translation>
    </message>
    <message>
        <source>A targeted search or a predictive test is about the familial variant: enter its gene and its HGVS c. description.</source>
        <translation>Une recherche ciblée ou un test présymptomatique porte sur le variant familial : saisissez son gène et sa description HGVS c.</translation>
    </message>
    <message>
        <source>A predictive test is about a relative: choose them.</source>
        <translation>Un test présymptomatique concerne un apparenté : choisissez-le.</translation>
    </message>
    <message>
        <source>The relative “{person_id}” is not in the family (Family tab).</source>
        <translation>L'apparenté « {person_id} » ne figure pas dans la famille (onglet Famille).</translation>
    </message>
    <message>
        <source>Choose a relative: it cannot be the patient.</source>
        <translation>Choisissez un apparenté : ce ne peut pas être la patiente ou le patient.</translation>
    </message>
    <message>
        <source>The relative's result is only entered for a predictive test whose result has been received.</source>
        <translation>Le résultat de l'apparenté ne se renseigne que pour un test présymptomatique dont le résultat est reçu.</translation>
    </message>
    <message>
        <source>Tick what the consent covers.</source>
        <translation>Cochez ce que couvre le consentement.</translation>
    </message>
    <message>
        <source>Tick the relatives who were informed.</source>
        <translation>Cochez les apparentés informés.</translation>
    </message>
    <message>
        <source>No pathogenic variant (class 4 or 5) is saved in the Genetics tab: the letter to relatives is about one. Save the variant first.</source>
        <translation>Aucun variant pathogène (classe 4 ou 5) n'est enregistré dans l'onglet Génétique : la lettre à la parentèle porte sur lui. Enregistrez d'abord le variant.</translation>
    </message>
    <message>
        <source>Choose at least one relative to write to.</source>
        <translation>Choisissez au moins un apparenté à qui écrire.</translation>
    </message>
    <message>
        <source>The relative “{person_id}” is not in the saved family: save the Family tab first.</source>
        <translation>L'apparenté « {person_id} » ne figure pas dans la famille enregistrée : enregistrez d'abord l'onglet Famille.</translation>
    </message>
    <message>
        <source>You cannot share a file with yourself.</source>
        <translation>Vous ne pouvez pas partager un dossier avec vous-même.</translation>
    </message>
    <message>
        <source>A file can only be shared with a practitioner or a genetic counsellor (never with an administrator or a secretary).</source>
        <translation>Un dossier ne se partage qu'avec un praticien ou un conseiller en génétique (jamais avec un administrateur ni une secrétaire).</translation>
    </message>
    <message>
        <source>This account is suspended or revoked: the file cannot be shared with it.</source>
        <translation>Ce compte est suspendu ou révoqué : le dossier ne peut pas lui être partagé.</translation>
    </message>
    <message>
        <source>Unknown sharing level: choose read-only or read-write.</source>
        <translation>Niveau de partage inconnu : choisissez lecture seule ou lecture et écriture.</translation>
    </message>
    <message>
        <source>This file is not shared with this user.</source>
        <translation>Ce dossier n'est pas partagé avec cet utilisateur.</translation>
    </message>
    <message>
        <source>Only the practitioner in charge of the file can do this.</source>
        <translation>Seul le praticien responsable du dossier peut le faire.</translation>
    </message>
    <message>
        <source>A file can only be transferred to an active practitioner.</source>
        <translation>Un dossier ne peut être transféré qu'à un praticien actif.</translation>
    </message>
    <message>
        <source>An administrator can only transfer the files of a suspended or revoked account.</source>
        <translation>Un administrateur ne transfère que les dossiers d'un compte suspendu ou révoqué.</translation>
    </message>
    <message>
        <source>Choose the files to transfer.</source>
        <translation>Choisissez les dossiers à transférer.</translation>
    </message>
    <message>
        <source>Only active secretaries can be designated as assistants.</source>
        <translation>Seules des secrétaires actives peuvent être désignées comme assistantes.</translation>
    </message>
    <message>
        <source>Explain why you need this file (at least {minimum} characters).</source>
        <translation>Expliquez pourquoi vous avez besoin de ce dossier (au moins {minimum} caractères).</translation>
    </message>
    <message>
        <source>Only a practitioner can open a file in an emergency.</source>
        <translation>Seul un praticien peut ouvrir un dossier en urgence.</translation>
    </message>
    <message>
        <source>You already have access to this file.</source>
        <translation>Vous avez déjà accès à ce dossier.</translation>
    </message>
    <message>
        <source>This emergency access does not exist.</source>
        <translation>Cet accès en urgence n'existe pas.</translation>
    </message>
    <message>
        <source>An email setting is not valid: check the server, the port, the security and the sender's address.</source>
        <translation>Un paramètre d'envoi des courriels n'est pas valide : vérifiez le serveur, le port, la sécurité et l'adresse de l'expéditeur.</translation>
    </message>
    <message>
        <source>Email sending is not set up: enter the SMTP server and the sender.</source>
        <translation>L'envoi des courriels n'est pas configuré : renseignez le serveur SMTP et l'expéditeur.</translation>
    </message>
    <message>
        <source>The email could not be sent ({reason}).</source>
        <translation>Le courriel n'a pas pu être envoyé ({reason}).</translation>
    </message>
    <message>
        <source>The event log is broken: its purge is suspended. Verify the event log.</source>
        <translation>Le journal des événements est rompu : sa purge est suspendue. Vérifiez le journal.</translation>
    </message>
    <message>
        <source>The purge marker of the event log cannot be read: verify the event log.</source>
        <translation>Le repère de purge du journal des événements est illisible : vérifiez le journal.</translation>
    </message>
    <message>
        <source>The delay before revocation must be a whole number of days, from {minimum} to {maximum}.</source>
        <translation>Le délai avant révocation doit être un nombre entier de jours, de {minimum} à {maximum}.</translation>
    </message>
    <message>
        <source>Invalid date and time: {text} (expected ISO 8601, e.g. 2027-01-31T02:00Z).</source>
        <translation>Date et heure invalides : {text} (attendu ISO 8601, par exemple 2027-01-31T02:00Z).</translation>
    </message>
    <message>
        <source>Enter the full NIR, or the birth name, first name and birth date.</source>
        <translation>Saisissez le NIR complet, ou le nom de naissance, le prénom et la date de naissance.</translation>
    </message>
    <message>
        <source>This file is restricted at the patient's request: it is frozen read-only until the practitioner in charge lifts the restriction.</source>
        <translation>Ce dossier est restreint à la demande du patient : il est figé en lecture seule jusqu'à la levée de la restriction par son responsable.</translation>
    </message>
    <message>
        <source>Give the reason (at least {minimum} characters).</source>
        <translation>Indiquez le motif (au moins {minimum} caractères).</translation>
    </message>
    <message>
        <source>This file is already restricted.</source>
        <translation>Ce dossier est déjà restreint.</translation>
    </message>
    <message>
        <source>This file is not restricted.</source>
        <translation>Ce dossier n'est pas restreint.</translation>
    </message>
    <message>
        <source>The name typed does not match the patient's birth name: nothing was erased.</source>
        <translation>Le nom saisi ne correspond pas au nom de naissance du patient : rien n'a été effacé.</translation>
    </message>
    <message>
        <source>This FHIR bundle cannot be imported; nothing was imported:
{problems}</source>
        <translation>Ce paquet FHIR ne peut pas être importé ; rien n'a été importé :
{problems}</translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {reason}.</source>
        <translation>L'export n'a pas pu être écrit dans {path} : {reason}.</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <source>Event log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>My event log</source>
        <translation>Mon journal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Tous les utilisateurs</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Vérifier l'intégrité</translation>
    </message>
    <message>
        <source>Export (CSV)…</source>
        <translation>Exporter (CSV)…</translation>
    </message>
    <message>
        <source>Export (PDF)…</source>
        <translation>Exporter (PDF)…</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message>
        <source>Loading the event log…</source>
        <translation>Chargement du journal…</translation>
    </message>
    <message>
        <source>The {count} most recent events are shown: narrow the filters.</source>
        <translation>Seuls les {count} événements les plus récents sont affichés : affinez les filtres.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the event log…</source>
        <translation>Vérification du journal…</translation>
    </message>
    <message>
        <source>Event log intact: {count} records verified.</source>
        <translation>Journal intègre : {count} enregistrements vérifiés.</translation>
    </message>
    <message>
        <source>Event log ALTERED: first faulty record no. {id} ({count} records checked).</source>
        <translation>Journal ALTÉRÉ : premier enregistrement en défaut n° {id} ({count} enregistrements vérifiés).</translation>
    </message>
    <message>
        <source>Export the event log</source>
        <translation>Exporter le journal</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the event log…</source>
        <translation>Export du journal…</translation>
    </message>
    <message>
        <source>{count} records exported to {path}.</source>
        <translation>{count} enregistrements exportés dans {path}.</translation>
    </message>
    <message>
        <source>Export an extract of the event log</source>
        <translation>Exporter un extrait du journal des événements</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF extract saved ({events}): {path}</source>
        <translation>Extrait PDF enregistré ({events}) : {path}</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>Échec de connexion</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>Session unlocked</source>
        <translation>Session déverrouillée</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Mot de passe changé</translation>
    </message>
    <message>
        <source>Account binding to the computer changed</source>
        <translation>Liaison du compte au poste modifiée</translation>
    </message>
    <message>
        <source>Recovery code used</source>
        <translation>Code de récupération utilisé</translation>
    </message>
    <message>
        <source>Recovery code refused for this account</source>
        <translation>Code de récupération refusé pour ce compte</translation>
    </message>
    <message>
        <source>Database created</source>
        <translation>Base créée</translation>
    </message>
    <message>
        <source>Database re-keyed</source>
        <translation>Base rechiffrée</translation>
    </message>
    <message>
        <source>New recovery sheet issued</source>
        <translation>Nouvelle fiche de récupération émise</translation>
    </message>
    <message>
        <source>Older copy of the database suspected</source>
        <translation>Copie plus ancienne de la base suspectée</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Paramètre modifié</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Compte créé</translation>
    </message>
    <message>
        <source>Account modified</source>
        <translation>Compte modifié</translation>
    </message>
    <message>
        <source>Account suspended</source>
        <translation>Compte suspendu</translation>
    </message>
    <message>
        <source>Account reactivated</source>
        <translation>Compte réactivé</translation>
    </message>
    <message>
        <source>Account revoked</source>
        <translation>Compte révoqué</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Mot de passe réinitialisé</translation>
    </message>
    <message>
        <source>Structure saved</source>
        <translation>Structure enregistrée</translation>
    </message>
    <message>
        <source>Patient file created</source>
        <translation>Dossier patient créé</translation>
    </message>
    <message>
        <source>Patient file modified</source>
        <translation>Dossier patient modifié</translation>
    </message>
    <message>
        <source>Patient file viewed</source>
        <translation>Dossier patient consulté</translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation>Recherche de patients</translation>
    </message>
    <message>
        <source>Event log exported</source>
        <translation>Journal exporté</translation>
    </message>
    <message>
        <source>Event log verified</source>
        <translation>Journal vérifié</translation>
    </message>
    <message>
        <source>Access to clinical data approved</source>
        <translation>Accès aux données cliniques approuvé</translation>
    </message>
    <message>
        <source>Clinical key changed</source>
        <translation>Clé clinique changée</translation>
    </message>
    <message>
        <source>Clinical key change awaiting a holder</source>
        <translation>Changement de clé clinique en attente d'un détenteur</translation>
    </message>
    <message>
        <source>Clinical key refused to an unendorsed key slot</source>
        <translation>Clé clinique refusée à un emplacement de clé non validé</translation>
    </message>
    <message>
        <source>Recovery code given the clinical key</source>
        <translation>Clé clinique confiée au code de récupération</translation>
    </message>
    <message>
        <source>Clinical key holders endorsed (first use)</source>
        <translation>Détenteurs de la clé clinique validés (première utilisation)</translation>
    </message>
    <message>
        <source>Clinical key created</source>
        <translation>Clé clinique créée</translation>
    </message>
    <message>
        <source>Clinical key chain started (first use)</source>
        <translation>Chaîne de la clé clinique commencée (première utilisation)</translation>
    </message>
    <message>
        <source>Substituted clinical key refused</source>
        <translation>Clé clinique substituée refusée</translation>
    </message>
    <message>
        <source>Replayed clinical key migration refused</source>
        <translation>Migration rejouée de la clé clinique refusée</translation>
    </message>
    <message>
        <source>Clinical data re-encrypted</source>
        <translation>Données cliniques rechiffrées</translation>
    </message>
    <message>
        <source>Clinical form viewed</source>
        <translation>Formulaire clinique consulté</translation>
    </message>
    <message>
        <source>Clinical form created</source>
        <translation>Formulaire clinique créé</translation>
    </message>
    <message>
        <source>Clinical form modified</source>
        <translation>Formulaire clinique modifié</translation>
    </message>
    <message>
        <source>Clinical form exported to a file</source>
        <translation>Formulaire clinique exporté dans un fichier</translation>
    </message>
    <message>
        <source>Document attached</source>
        <translation>Document joint</translation>
    </message>
    <message>
        <source>Document viewed</source>
        <translation>Document consulté</translation>
    </message>
    <message>
        <source>Document details modified</source>
        <translation>Informations d'un document modifiées</translation>
    </message>
    <message>
        <source>Document deleted</source>
        <translation>Document supprimé</translation>
    </message>
    <message>
        <source>Copy of a document saved</source>
        <translation>Copie d'un document enregistrée</translation>
    </message>
    <message>
        <source>Patient summary produced</source>
        <translation>Synthèse du dossier établie</translation>
    </message>
    <message>
        <source>Copy of the patient summary saved</source>
        <translation>Copie de la synthèse du dossier enregistrée</translation>
    </message>
    <message>
        <source>Patient summary printed</source>
        <translation>Synthèse du dossier imprimée</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Rendez-vous pris</translation>
    </message>
    <message>
        <source>Appointment changed</source>
        <translation>Rendez-vous modifié</translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation>Rendez-vous annulé</translation>
    </message>
    <message>
        <source>Appointments exported (calendar)</source>
        <translation>Rendez-vous exportés (calendrier)</translation>
    </message>
    <message>
        <source>Follow-up letters produced</source>
        <translation>Courriers de suivi produits</translation>
    </message>
    <message>
        <source>Follow-up letters saved</source>
        <translation>Courriers de suivi enregistrés</translation>
    </message>
    <message>
        <source>Surveillance protocol changed</source>
        <translation>Protocole de surveillance modifié</translation>
    </message>
    <message>
        <source>Follow-up recommendations chosen</source>
        <translation>Recommandations de suivi choisies</translation>
    </message>
    <message>
        <source>Follow-up plan adjusted</source>
        <translation>Plan de suivi ajusté</translation>
    </message>
    <message>
        <source>Exam marked done</source>
        <translation>Examen marqué comme fait</translation>
    </message>
    <message>
        <source>Unattended maintenance set up</source>
        <translation>Maintenance sans surveillance configurée</translation>
    </message>
    <message>
        <source>Unattended maintenance removed</source>
        <translation>Maintenance sans surveillance supprimée</translation>
    </message>
    <message>
        <source>File archived (departed user, kept year over)</source>
        <translation>Dossier archivé (utilisateur parti, année de conservation écoulée)</translation>
    </message>
    <message>
        <source>Archived file active again</source>
        <translation>Dossier archivé de nouveau actif</translation>
    </message>
    <message>
        <source>File deleted for good</source>
        <translation>Dossier supprimé définitivement</translation>
    </message>
    <message>
        <source>Account deleted on request</source>
        <translation>Compte supprimé sur demande</translation>
    </message>
    <message>
        <source>Access alert reviewed</source>
        <translation>Alerte d'accès examinée</translation>
    </message>
    <message>
        <source>User informed of an access alert</source>
        <translation>Utilisateur informé d'une alerte d'accès</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>N° {id}</translation>
    </message>
    <message>
        <source>{type} no. {id}</source>
        <translation>{type} n° {id}</translation>
    </message>
    <message>
        <source>Date / time</source>
        <translation>Date / heure</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Letter to relatives produced</source>
        <translation>Lettre à la parentèle produite</translation>
    </message>
    <message>
        <source>File shared</source>
        <translation>Dossier partagé</translation>
    </message>
    <message>
        <source>Sharing level changed</source>
        <translation>Niveau de partage modifié</translation>
    </message>
    <message>
        <source>Sharing revoked</source>
        <translation>Partage retiré</translation>
    </message>
    <message>
        <source>File transferred</source>
        <translation>Dossier transféré</translation>
    </message>
    <message>
        <source>Assisting secretaries changed</source>
        <translation>Secrétaires assistantes modifiées</translation>
    </message>
    <message>
        <source>Emergency access (break-the-glass)</source>
        <translation>Accès en urgence (bris de glace)</translation>
    </message>
    <message>
        <source>Emergency access reviewed</source>
        <translation>Accès en urgence examiné</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Accès en urgence</translation>
    </message>
    <message>
        <source>Old events purged</source>
        <translation>Purge des événements anciens</translation>
    </message>
    <message>
        <source>Maintenance started</source>
        <translation>Maintenance commencée</translation>
    </message>
    <message>
        <source>Maintenance finished</source>
        <translation>Maintenance terminée</translation>
    </message>
    <message>
        <source>Inactive account warned</source>
        <translation>Compte inactif prévenu</translation>
    </message>
    <message>
        <source>Inactivity warning cancelled (signed in again)</source>
        <translation>Avertissement d'inactivité levé (nouvelle connexion)</translation>
    </message>
    <message>
        <source>Email settings changed</source>
        <translation>Paramètres des courriels modifiés</translation>
    </message>
    <message>
        <source>Test email sent</source>
        <translation>Courriel d'essai envoyé</translation>
    </message>
    <message>
        <source>Emergency access: identity looked up</source>
        <translation>Accès d'urgence : identité recherchée</translation>
    </message>
    <message>
        <source>Patient file restricted</source>
        <translation>Dossier patient restreint</translation>
    </message>
    <message>
        <source>Restriction of a patient file lifted</source>
        <translation>Restriction d'un dossier patient levée</translation>
    </message>
    <message>
        <source>Patient file erased</source>
        <translation>Dossier patient effacé</translation>
    </message>
    <message>
        <source>Patient file exported (FHIR)</source>
        <translation>Dossier patient exporté (FHIR)</translation>
    </message>
    <message>
        <source>Patient file imported (FHIR)</source>
        <translation>Dossier patient importé (FHIR)</translation>
    </message>
</context>
<context>
    <name>ExamDoneDialog</name>
    <message>
        <source>Exam:</source>
        <translation>Examen :</translation>
    </message>
    <message>
        <source>Performed on:</source>
        <translation>Réalisé le :</translation>
    </message>
    <message>
        <source>Result summary (e.g. normal, ACR 2)</source>
        <translation>Résumé du résultat (par exemple : normal, ACR 2)</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Résultat :</translation>
    </message>
    <message>
        <source>Enter the date of the exam.</source>
        <translation>Indiquez la date de l'examen.</translation>
    </message>
    <message>
        <source>An exam cannot be marked as performed in the future ({date}).</source>
        <translation>Un examen ne peut pas être marqué comme réalisé dans le futur ({date}).</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>{count} caractères au plus.</translation>
    </message>
</context>
<context>
    <name>FamilyEditor</name>
    <message>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <source>Add a father and a mother to the selected person ({keys})</source>
        <translation>Ajouter un père et une mère à la personne sélectionnée ({keys})</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Frère ou sœur</translation>
    </message>
    <message>
        <source>Add a brother or sister to the selected person (same parents, added first if missing) ({keys})</source>
        <translation>Ajouter un frère ou une sœur à la personne sélectionnée (mêmes parents, ajoutés d'abord s'ils manquent) ({keys})</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Add a child to the selected person and their partner (a partner is added when there is none) ({keys})</source>
        <translation>Ajouter un enfant à la personne sélectionnée et à son conjoint (un conjoint est ajouté s'il n'y en a pas) ({keys})</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Conjoint(e)</translation>
    </message>
    <message>
        <source>Add a partner to the selected person ({keys})</source>
        <translation>Ajouter un conjoint ou une conjointe à la personne sélectionnée ({keys})</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected person ({keys}, or Delete in the table); remove their children first</source>
        <translation>Retirer la personne sélectionnée ({keys}, ou Suppr dans le tableau) ; retirez d'abord ses enfants</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last change ({keys})</source>
        <translation>Annuler la dernière modification ({keys})</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Redo the change undone ({keys})</source>
        <translation>Rétablir la modification annulée ({keys})</translation>
    </message>
    <message>
        <source>Keyboard, on the selected person: {parents} parents · {sibling} brother or sister · {child} child · {partner} partner · {remove} remove · {undo} undo. The new person is selected, name ready to type; Tab goes down the form, Esc back to the table (arrows, then Enter to edit).</source>
        <translation>Au clavier, sur la personne sélectionnée : {parents} parents · {sibling} frère ou sœur · {child} enfant · {partner} conjoint(e) · {remove} retirer · {undo} annuler. La personne ajoutée est sélectionnée, son nom prêt à saisir ; Tab descend dans le formulaire, Échap revient au tableau (flèches, puis Entrée pour modifier).</translation>
    </message>
    <message>
        <source>Pedigree</source>
        <translation>Arbre généalogique</translation>
    </message>
    <message>
        <source>Zoom out (−, or Ctrl+wheel)</source>
        <translation>Zoom arrière (−, ou Ctrl+molette)</translation>
    </message>
    <message>
        <source>Zoom in (+, or Ctrl+wheel)</source>
        <translation>Zoom avant (+, ou Ctrl+molette)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole pedigree (0)</source>
        <translation>Afficher tout l'arbre (0)</translation>
    </message>
    <message>
        <source>Import a CanRisk file…</source>
        <translation>Importer un fichier CanRisk…</translation>
    </message>
    <message>
        <source>Replace this family by one read from a CanRisk pedigree file (versions 1 to 4)</source>
        <translation>Remplacer cette famille par une famille lue dans un fichier d'arbre CanRisk (versions 1 à 4)</translation>
    </message>
    <message>
        <source>Export for CanRisk…</source>
        <translation>Exporter pour CanRisk…</translation>
    </message>
    <message>
        <source>Write the family as a CanRisk 2.0 pedigree file. CanRisk holds less than this form: approximate ages become their central value; only breast, ovarian, prostate and pancreatic cancers and the BOADICEA genes are written.</source>
        <translation>Écrire la famille dans un fichier d'arbre CanRisk 2.0. CanRisk contient moins que ce formulaire : les âges approchés deviennent leur valeur centrale ; seuls les cancers du sein, de l'ovaire, de la prostate et du pancréas et les gènes de BOADICEA sont écrits.</translation>
    </message>
    <message>
        <source>The exported file is the one to upload to the CanRisk tool (canrisk.org) to compute BOADICEA risks.</source>
        <translation>Le fichier exporté est celui à déposer dans l'outil CanRisk (canrisk.org) pour calculer les risques BOADICEA.</translation>
    </message>
    <message>
        <source>Other parent</source>
        <translation>Autre parent</translation>
    </message>
    <message>
        <source>{person} has several partners: who is the child's other parent?</source>
        <translation>{person} a plusieurs conjoints : qui est l'autre parent de l'enfant ?</translation>
    </message>
    <message>
        <source>Add the child</source>
        <translation>Ajouter l'enfant</translation>
    </message>
    <message>
        <source>Remove people</source>
        <translation>Retirer des personnes</translation>
    </message>
    <message>
        <source>Removing {person} also removes {others}.</source>
        <translation>Retirer {person} retire aussi {others}.</translation>
    </message>
    <message>
        <source>They would have no other link to the family. Ctrl+Z undoes the removal.</source>
        <translation>Ils n'auraient plus aucun lien avec la famille. Ctrl+Z annule le retrait.</translation>
    </message>
    <message>
        <source>{person}: {problem}</source>
        <translation>{person} : {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Problems to correct (%n)</source>
        <translation>
            <numerusform>Problème à corriger (%n)</numerusform>
            <numerusform>Problèmes à corriger (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamilyLabels</name>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Breast</source>
        <translation>Sein</translation>
    </message>
    <message>
        <source>Contralateral breast</source>
        <translation>Sein controlatéral</translation>
    </message>
    <message>
        <source>Ovary</source>
        <translation>Ovaire</translation>
    </message>
    <message>
        <source>Endometrium</source>
        <translation>Endomètre</translation>
    </message>
    <message>
        <source>Cervix</source>
        <translation>Col de l'utérus</translation>
    </message>
    <message>
        <source>Prostate</source>
        <translation>Prostate</translation>
    </message>
    <message>
        <source>Testis</source>
        <translation>Testicule</translation>
    </message>
    <message>
        <source>Pancreas</source>
        <translation>Pancréas</translation>
    </message>
    <message>
        <source>Colon and rectum</source>
        <translation>Côlon-rectum</translation>
    </message>
    <message>
        <source>Stomach</source>
        <translation>Estomac</translation>
    </message>
    <message>
        <source>Small bowel</source>
        <translation>Intestin grêle</translation>
    </message>
    <message>
        <source>Biliary tract</source>
        <translation>Voies biliaires</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Foie</translation>
    </message>
    <message>
        <source>Oesophagus</source>
        <translation>Œsophage</translation>
    </message>
    <message>
        <source>Upper urinary tract (ureter, renal pelvis)</source>
        <translation>Voies urinaires hautes (uretère, bassinet)</translation>
    </message>
    <message>
        <source>Bladder</source>
        <translation>Vessie</translation>
    </message>
    <message>
        <source>Kidney</source>
        <translation>Rein</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerveau</translation>
    </message>
    <message>
        <source>Sebaceous tumour</source>
        <translation>Tumeur sébacée</translation>
    </message>
    <message>
        <source>Melanoma</source>
        <translation>Mélanome</translation>
    </message>
    <message>
        <source>Thyroid</source>
        <translation>Thyroïde</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Poumon</translation>
    </message>
    <message>
        <source>Adrenal cortex</source>
        <translation>Corticosurrénale</translation>
    </message>
    <message>
        <source>Sarcoma</source>
        <translation>Sarcome</translation>
    </message>
    <message>
        <source>Leukaemia</source>
        <translation>Leucémie</translation>
    </message>
    <message>
        <source>Lymphoma</source>
        <translation>Lymphome</translation>
    </message>
    <message>
        <source>Head and neck</source>
        <translation>Voies aérodigestives supérieures</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Autre localisation</translation>
    </message>
    <message>
        <source>Side not specified</source>
        <translation>Côté non précisé</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droit</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilatéral</translation>
    </message>
    <message>
        <source>Histology not specified</source>
        <translation>Histologie non précisée</translation>
    </message>
    <message>
        <source>Ductal</source>
        <translation>Canalaire</translation>
    </message>
    <message>
        <source>Lobular</source>
        <translation>Lobulaire</translation>
    </message>
    <message>
        <source>Ductal in situ (DCIS)</source>
        <translation>Canalaire in situ (CCIS)</translation>
    </message>
    <message>
        <source>High-grade serous</source>
        <translation>Séreux de haut grade</translation>
    </message>
    <message>
        <source>Mucinous</source>
        <translation>Mucineux</translation>
    </message>
    <message>
        <source>Germ cell</source>
        <translation>Germinal</translation>
    </message>
    <message>
        <source>Borderline</source>
        <translation>Borderline</translation>
    </message>
    <message>
        <source>Other histology</source>
        <translation>Autre histologie</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>négatif</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positif</translation>
    </message>
    <message>
        <source>Grade not specified</source>
        <translation>Grade non précisé</translation>
    </message>
    <message>
        <source>Grade 1</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <source>Grade 2</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <source>Grade 3</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <source>Mutation search</source>
        <translation>Recherche de mutation</translation>
    </message>
    <message>
        <source>Targeted test (known variant)</source>
        <translation>Test ciblé (variant connu)</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Pathogenic variant</source>
        <translation>Variant pathogène</translation>
    </message>
    <message>
        <source>Variant of unknown significance</source>
        <translation>Variant de signification inconnue</translation>
    </message>
    <message>
        <source>Heterozygous</source>
        <translation>Hétérozygote</translation>
    </message>
    <message>
        <source>Homozygous</source>
        <translation>Homozygote</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>Non adopté(e)</translation>
    </message>
    <message>
        <source>Adopted into the family (adoptive parents drawn)</source>
        <translation>Adopté(e) dans la famille (parents adoptifs dessinés)</translation>
    </message>
    <message>
        <source>Adopted out of the family (biological parents drawn)</source>
        <translation>Adopté(e) hors de la famille (parents biologiques dessinés)</translation>
    </message>
    <message>
        <source>Monozygotic</source>
        <translation>Monozygotes</translation>
    </message>
    <message>
        <source>Dizygotic</source>
        <translation>Dizygotes</translation>
    </message>
    <message>
        <source>Zygosity unknown</source>
        <translation>Zygotie inconnue</translation>
    </message>
    <message>
        <source>het.</source>
        <translation>hét.</translation>
    </message>
    <message>
        <source>hom.</source>
        <translation>hom.</translation>
    </message>
    <message>
        <source>{age} y</source>
        <translation>{age} ans</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Vivant(e)</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Décédé(e)</translation>
    </message>
    <message>
        <source>† {age} y</source>
        <translation>† {age} ans</translation>
    </message>
</context>
<context>
    <name>FamilyTable</name>
    <message>
        <source>Relationship</source>
        <translation>Lien de parenté</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Birth year / age</source>
        <translation>Naissance / âge</translation>
    </message>
    <message>
        <source>Vital status</source>
        <translation>Statut vital</translation>
    </message>
    <message>
        <source>Cancers</source>
        <translation>Cancers</translation>
    </message>
    <message>
        <source>Genetics</source>
        <translation>Génétique</translation>
    </message>
    <message>
        <source>Linked file</source>
        <translation>Dossier lié</translation>
    </message>
    <message>
        <source>This person has a problem to correct</source>
        <translation>Cette personne a un problème à corriger</translation>
    </message>
</context>
<context>
    <name>FhirImport</name>
    <message>
        <source>Import a patient file (FHIR R4 bundle)</source>
        <translation>Importer un dossier patient (paquet FHIR R4)</translation>
    </message>
    <message>
        <source>FHIR bundles (*.json)</source>
        <translation>Paquets FHIR (*.json)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Le fichier n'a pas pu être lu.</translation>
    </message>
    <message>
        <source>Importing the patient file…</source>
        <translation>Import du dossier patient…</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>OISO Desktop — first start</source>
        <extracomment>emitted (on the GUI thread) once the database exists, with its folder</extracomment>
        <translation>OISO Desktop — premier démarrage</translation>
    </message>
    <message>
        <source>Creating the database...</source>
        <translation>Création de la base…</translation>
    </message>
    <message>
        <source>The location was saved for your account only; the other users of this computer will have to choose this folder at their first start.</source>
        <translation>L'emplacement a été enregistré pour votre compte uniquement ; les autres utilisateurs de cet ordinateur devront choisir ce dossier à leur premier démarrage.</translation>
    </message>
    <message>
        <source>The database could not be created: {reason}</source>
        <translation>La base n'a pas pu être créée : {reason}</translation>
    </message>
    <message>
        <source>Sheet saved: {path}</source>
        <translation>Fiche enregistrée : {path}</translation>
    </message>
    <message>
        <source>The sheet could not be saved: {reason}</source>
        <translation>La fiche n'a pas pu être enregistrée : {reason}</translation>
    </message>
    <message>
        <source>Saving the recovery sheet...</source>
        <translation>Enregistrement de la fiche de récupération…</translation>
    </message>
</context>
<context>
    <name>FollowupAppointmentStatus</name>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Honoré</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>FollowupConflict</name>
    <message>
        <source>The patient has another appointment that day</source>
        <translation>Le patient a un autre rendez-vous ce jour-là</translation>
    </message>
    <message>
        <source>The place is already booked at that time</source>
        <translation>Le lieu est déjà réservé à cette heure</translation>
    </message>
</context>
<context>
    <name>FollowupDialogs</name>
    <message>
        <source>Exam performed</source>
        <translation>Examen réalisé</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Adjust the exam</source>
        <translation>Ajuster l'examen</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Add an exam to the plan</source>
        <translation>Ajouter un examen au plan</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Protocols without a variant</source>
        <translation>Protocoles sans variant</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
</context>
<context>
    <name>FollowupExam</name>
    <message>
        <source>Clinical breast and gynaecological exam</source>
        <translation>Examen clinique mammaire et gynécologique</translation>
    </message>
    <message>
        <source>Breast MRI</source>
        <translation>IRM mammaire</translation>
    </message>
    <message>
        <source>Mammography ± ultrasound</source>
        <translation>Mammographie ± échographie</translation>
    </message>
    <message>
        <source>Bilateral mammography (two views)</source>
        <translation>Mammographie bilatérale (deux incidences)</translation>
    </message>
    <message>
        <source>Discussion of risk-reducing salpingo-oophorectomy</source>
        <translation>Discussion d'annexectomie prophylactique</translation>
    </message>
    <message>
        <source>Clinical exam</source>
        <translation>Examen clinique</translation>
    </message>
    <message>
        <source>Colonoscopy with chromoendoscopy</source>
        <translation>Coloscopie avec chromoendoscopie</translation>
    </message>
    <message>
        <source>Gynaecological exam and endovaginal ultrasound</source>
        <translation>Examen gynécologique et échographie endovaginale</translation>
    </message>
    <message>
        <source>Discussion of hysterectomy with adnexectomy</source>
        <translation>Discussion d'hystérectomie avec annexectomie</translation>
    </message>
    <message>
        <source>Discussion of colectomy</source>
        <translation>Discussion de colectomie</translation>
    </message>
    <message>
        <source>Upper endoscopy</source>
        <translation>Endoscopie digestive haute</translation>
    </message>
    <message>
        <source>Dermatology consultation</source>
        <translation>Consultation de dermatologie</translation>
    </message>
    <message>
        <source>Whole-body MRI</source>
        <translation>IRM corps entier</translation>
    </message>
    <message>
        <source>Brain MRI</source>
        <translation>IRM cérébrale</translation>
    </message>
    <message>
        <source>Abdominal ultrasound</source>
        <translation>Échographie abdominale</translation>
    </message>
    <message>
        <source>Genetics consultation</source>
        <translation>Consultation de génétique</translation>
    </message>
    <message>
        <source>Other exam</source>
        <translation>Autre examen</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Worklists</source>
        <translation>Listes de suivi</translation>
    </message>
    <message>
        <source>Week calendar</source>
        <translation>Semaine</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>Got it</source>
        <translation>J'ai vu</translation>
    </message>
    <message>
        <source>Surveillance plan</source>
        <translation>Plan de surveillance</translation>
    </message>
    <message>
        <source>Exam performed…</source>
        <translation>Examen réalisé…</translation>
    </message>
    <message>
        <source>Record the selected exam as performed</source>
        <translation>Enregistrer l'examen sélectionné comme réalisé</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>Ajuster…</translation>
    </message>
    <message>
        <source>Change the ages or the interval of the selected exam, or stop it</source>
        <translation>Modifier les âges ou l'intervalle de l'examen sélectionné, ou l'arrêter</translation>
    </message>
    <message>
        <source>Add an exam…</source>
        <translation>Ajouter un examen…</translation>
    </message>
    <message>
        <source>Protocols without a variant…</source>
        <translation>Protocoles sans variant…</translation>
    </message>
    <message>
        <source>Apply a protocol selected by hand (HAS 2014 high or very high risk) to a patient without a variant</source>
        <translation>Appliquer un protocole choisi manuellement (haut ou très haut risque HAS 2014) à une personne sans variant</translation>
    </message>
    <message>
        <source>Book an appointment…</source>
        <translation>Prendre rendez-vous…</translation>
    </message>
    <message>
        <source>Book an appointment for the selected exam</source>
        <translation>Prendre rendez-vous pour l'examen sélectionné</translation>
    </message>
    <message>
        <source>Exams performed</source>
        <translation>Examens réalisés</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Honoré</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <source>Cancel it…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reporter…</translation>
    </message>
    <message>
        <source>Reading the follow-up…</source>
        <translation>Lecture du suivi…</translation>
    </message>
    <message>
        <source>No surveillance plan: the plan follows from the class 4 or 5 variants of the Genetics tab and from the personal history.</source>
        <translation>Aucun plan de surveillance : le plan découle des variants de classe 4 ou 5 de l'onglet Génétique et des antécédents personnels.</translation>
    </message>
    <message>
        <source>Without a variant, a HAS 2014 high-risk protocol is applied with “Protocols without a variant…”.</source>
        <translation>Sans variant, un protocole de haut risque HAS 2014 s'applique avec « Protocoles sans variant… ».</translation>
    </message>
    <message numerus="yes">
        <source>%n exam(s)</source>
        <translation>
            <numerusform>%n examen</numerusform>
            <numerusform>%n examens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due within 8 weeks</source>
        <translation>
            <numerusform>%n à faire dans les 8 semaines</numerusform>
            <numerusform>%n à faire dans les 8 semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>exams and dates only</source>
        <translation>examens et dates seulement</translation>
    </message>
    <message>
        <source>Plan updated on {date}:
{changes}</source>
        <translation>Plan mis à jour le {date} :
{changes}</translation>
    </message>
    <message>
        <source>• {exam}: {change}</source>
        <translation>• {exam} : {change}</translation>
    </message>
    <message>
        <source> ({old} → {new})</source>
        <translation> ({old} → {new})</translation>
    </message>
    <message>
        <source> (next due {date})</source>
        <translation> (prochaine échéance le {date})</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
        <source>Cancel the appointment of {date} at {time}?</source>
        <translation>Annuler le rendez-vous du {date} à {time} ?</translation>
    </message>
    <message>
        <source>The appointment stays in the list as cancelled.</source>
        <translation>Le rendez-vous reste dans la liste, marqué annulé.</translation>
    </message>
    <message>
        <source>Saving the appointment…</source>
        <translation>Enregistrement du rendez-vous…</translation>
    </message>
</context>
<context>
    <name>FollowupPlanChange</name>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>next due date changed</source>
        <translation>prochaine échéance modifiée</translation>
    </message>
    <message>
        <source>ages or interval changed</source>
        <translation>âges ou intervalle modifiés</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>repris</translation>
    </message>
</context>
<context>
    <name>FollowupPlanStatus</name>
    <message>
        <source>Not started yet</source>
        <translation>Pas encore commencé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <source>According to findings</source>
        <translation>Selon les résultats</translation>
    </message>
    <message>
        <source>Ended (age limit)</source>
        <translation>Terminé (limite d'âge)</translation>
    </message>
    <message>
        <source>Stopped by surgery</source>
        <translation>Arrêté par la chirurgie</translation>
    </message>
    <message>
        <source>Stopped by adjustment</source>
        <translation>Arrêté par ajustement</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Décès</translation>
    </message>
</context>
<context>
    <name>FollowupTables</name>
    <message>
        <source>to be confirmed</source>
        <extracomment>"Due soon" on the Suivi tab: within this many weeks (the worklists' default).</extracomment>
        <translation>à confirmer</translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation>ajusté</translation>
    </message>
    <message>
        <source>adjusted: {reason}</source>
        <translation>ajusté : {reason}</translation>
    </message>
    <message>
        <source>appointment on {date}</source>
        <translation>rendez-vous le {date}</translation>
    </message>
    <message>
        <source>Exam</source>
        <extracomment>Background and text colours of the due-date badges.</extracomment>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Âges</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Last done</source>
        <translation>Dernier examen</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Performed on</source>
        <translation>Réalisé le</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
</context>
<context>
    <name>FollowupText</name>
    <message>
        <source>{start} to {end} years</source>
        <extracomment>(context, table) of every coded value: tests check keys and translations.</extracomment>
        <translation>{start} à {end} ans</translation>
    </message>
    <message>
        <source>from {start} years</source>
        <translation>à partir de {start} ans</translation>
    </message>
    <message>
        <source>every {count} months</source>
        <translation>tous les {count} mois</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>tous les mois</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>tous les ans</translation>
    </message>
    <message>
        <source>every {count} years</source>
        <translation>tous les {count} ans</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>at {ages} years, then {interval}</source>
        <translation>à {ages} ans, puis {interval}</translation>
    </message>
    <message>
        <source>at {ages} years</source>
        <translation>à {ages} ans</translation>
    </message>
</context>
<context>
    <name>FollowupVariant</name>
    <message>
        <source>Single version</source>
        <translation>Version unique</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>ESGE</source>
        <translation>ESGE</translation>
    </message>
</context>
<context>
    <name>FollowupWorklist</name>
    <message>
        <source>Due soon</source>
        <translation>À échéance proche</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Sans rendez-vous</translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation>Perdu de vue</translation>
    </message>
</context>
<context>
    <name>FormConflictDialog</name>
    <message>
        <source>Edit conflict — {form}</source>
        <translation>Conflit de modification — {form}</translation>
    </message>
    <message>
        <source>{name} saved this form on {when} while you were editing it. Nothing is lost: your entries are below, beside what they saved.</source>
        <translation>{name} a enregistré ce formulaire le {when} pendant que vous le modifiiez. Rien n'est perdu : votre saisie est ci-dessous, à côté de ce qu'il ou elle a enregistré.</translation>
    </message>
    <message>
        <source>Another user</source>
        <translation>Un autre utilisateur</translation>
    </message>
    <message>
        <source>Your entries (not saved)</source>
        <translation>Votre saisie (non enregistrée)</translation>
    </message>
    <message>
        <source>Saved by {name}</source>
        <translation>Enregistré par {name}</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>un autre utilisateur</translation>
    </message>
    <message>
        <source>Keep your entries to save them over the other version (it stays in the history), or take the saved version and enter your changes again.</source>
        <translation>Gardez votre saisie pour l'enregistrer à la place de l'autre version (elle reste dans l'historique), ou reprenez la version enregistrée et refaites vos modifications.</translation>
    </message>
    <message>
        <source>Keep my entries</source>
        <translation>Garder ma saisie</translation>
    </message>
    <message>
        <source>Take the saved version</source>
        <translation>Reprendre la version enregistrée</translation>
    </message>
</context>
<context>
    <name>GeneticsChannel</name>
    <message>
        <source>Letter handed by the patient</source>
        <translation>Lettre remise par le patient</translation>
    </message>
    <message>
        <source>Letter sent by the physician</source>
        <translation>Lettre adressée par le médecin</translation>
    </message>
    <message>
        <source>Told by the patient</source>
        <translation>Information orale par le patient</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>GeneticsClass</name>
    <message>
        <source>1 — benign</source>
        <extracomment>ACMG/AMP classes, with their number: what the class combo and the tables show.</extracomment>
        <translation>1 — bénin</translation>
    </message>
    <message>
        <source>2 — likely benign</source>
        <translation>2 — probablement bénin</translation>
    </message>
    <message>
        <source>3 — uncertain significance</source>
        <translation>3 — de signification incertaine</translation>
    </message>
    <message>
        <source>4 — likely pathogenic</source>
        <translation>4 — probablement pathogène</translation>
    </message>
    <message>
        <source>5 — pathogenic</source>
        <translation>5 — pathogène</translation>
    </message>
</context>
<context>
    <name>GeneticsConsentScope</name>
    <message>
        <source>Diagnostic genetic testing</source>
        <translation>Examen génétique à visée diagnostique</translation>
    </message>
    <message>
        <source>Predictive testing</source>
        <translation>Test présymptomatique</translation>
    </message>
    <message>
        <source>Storage of the samples</source>
        <translation>Conservation des prélèvements</translation>
    </message>
    <message>
        <source>Use for research</source>
        <translation>Utilisation pour la recherche</translation>
    </message>
    <message>
        <source>Relatives informed by the physician</source>
        <translation>Information de la parentèle par le médecin</translation>
    </message>
</context>
<context>
    <name>GeneticsEditor</name>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Add a genetic test (Insert)</source>
        <extracomment>sections of the form, as in the problems' ``field`` ("variants[0].hgvs_c") Usual panels (the genes of the French GGC panels), offered to fill a panel's genes.</extracomment>
        <translation>Ajouter une analyse génétique (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected test (Delete)</source>
        <translation>Supprimer l'analyse sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Add a variant (Insert)</source>
        <translation>Ajouter un variant (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected variant (Delete)</source>
        <translation>Supprimer le variant sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Add a consent (Insert)</source>
        <translation>Ajouter un consentement (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected consent (Delete)</source>
        <translation>Supprimer le consentement sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Record relatives informed (Insert)</source>
        <translation>Enregistrer des apparentés informés (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected information (Delete)</source>
        <translation>Supprimer l'information sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Letter to relatives…</source>
        <translation>Lettre d'information de la parentèle…</translation>
    </message>
    <message>
        <source>Write the letter “information de la parentèle” (PDF) to the relatives you choose, from the saved file</source>
        <translation>Rédiger la lettre d'information de la parentèle (PDF) pour les apparentés choisis, à partir du dossier enregistré</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Prescribed on</source>
        <translation>Prescrite le</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <source>Personal or family history that justifies it</source>
        <translation>Antécédents personnels ou familiaux qui la justifient</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>Indication</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Gene symbols separated by commas or spaces</source>
        <translation>Symboles des gènes, séparés par des virgules ou des espaces</translation>
    </message>
    <message>
        <source>Usual panels</source>
        <translation>Panels usuels</translation>
    </message>
    <message>
        <source>Genes of the panel</source>
        <translation>Gènes du panel</translation>
    </message>
    <message>
        <source>Gene of the familial variant</source>
        <translation>Gène du variant familial</translation>
    </message>
    <message>
        <source>Patient's variants</source>
        <translation>Variants du patient</translation>
    </message>
    <message>
        <source>Familial variant (HGVS c.)</source>
        <translation>Variant familial (HGVS c.)</translation>
    </message>
    <message>
        <source>Relative tested</source>
        <translation>Apparenté testé</translation>
    </message>
    <message>
        <source>Relative's result</source>
        <translation>Résultat de l'apparenté</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Gene</source>
        <translation>Gène</translation>
    </message>
    <message>
        <source>Coding DNA description (HGVS): c.5946del, c.68-2A&gt;G, c.1234_1235insT</source>
        <translation>Description sur l'ADN codant (HGVS) : c.5946del, c.68-2A&gt;G, c.1234_1235insT</translation>
    </message>
    <message>
        <source>HGVS c.</source>
        <translation>HGVS c.</translation>
    </message>
    <message>
        <source>Protein description (HGVS), optional: p.(Ser1982Argfs*22), p.Arg1699Trp</source>
        <translation>Description protéique (HGVS), facultative : p.(Ser1982Argfs*22), p.Arg1699Trp</translation>
    </message>
    <message>
        <source>HGVS p.</source>
        <translation>HGVS p.</translation>
    </message>
    <message>
        <source>ACMG class</source>
        <translation>Classe ACMG</translation>
    </message>
    <message>
        <source>Zygosity</source>
        <translation>Zygotie</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Trouvé par</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>The scanned signed form, among the file's documents (Documents tab).</source>
        <translation>Le formulaire signé numérisé, parmi les documents du dossier (onglet Documents).</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Formulaire signé</translation>
    </message>
    <message>
        <source>Attach the scanned signed form in the Documents tab, then choose it here.</source>
        <translation>Joignez le formulaire signé numérisé dans l'onglet Documents, puis choisissez-le ici.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Document no. {id}</source>
        <translation>Document n° {id}</translation>
    </message>
    <message>
        <source>Informed on</source>
        <translation>Informés le</translation>
    </message>
    <message>
        <source>Relatives informed</source>
        <translation>Apparentés informés</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Letter of 02/03/2026, copy in the file…</source>
        <translation>Lettre du 02/03/2026, copie au dossier…</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>Test {number}: {kind}</source>
        <translation>Analyse {number} : {kind}</translation>
    </message>
    <message>
        <source>No variant entered</source>
        <translation>Aucun variant saisi</translation>
    </message>
    <message>
        <source>Remove a test</source>
        <translation>Supprimer une analyse</translation>
    </message>
    <message>
        <source>Remove a variant</source>
        <translation>Supprimer un variant</translation>
    </message>
    <message>
        <source>Remove a consent</source>
        <translation>Supprimer un consentement</translation>
    </message>
    <message>
        <source>Remove an information of relatives</source>
        <translation>Supprimer une information de la parentèle</translation>
    </message>
    <message>
        <source>The removal is saved with the rest of the form.</source>
        <translation>La suppression sera enregistrée avec le reste du formulaire.</translation>
    </message>
    <message>
        <source>The variants found by this test stay, without their test. The removal is saved with the rest of the form.</source>
        <translation>Les variants trouvés par cette analyse restent, sans leur analyse. La suppression sera enregistrée avec le reste du formulaire.</translation>
    </message>
    <message>
        <source>Remove {item}?</source>
        <translation>Supprimer {item} ?</translation>
    </message>
    <message>
        <source>Positive result</source>
        <translation>Résultat positif</translation>
    </message>
    <message>
        <source>Class 4 or 5: shown as a carrier on the pedigree</source>
        <translation>Classe 4 ou 5 : porteur sur l'arbre généalogique</translation>
    </message>
    <message>
        <source>Not a positive result</source>
        <translation>Résultat non positif</translation>
    </message>
    <message>
        <source>Uncertain significance: never shown as a positive result; marked “VUS” on the pedigree</source>
        <translation>Signification incertaine : jamais présenté comme un résultat positif ; noté « VSI » sur l'arbre</translation>
    </message>
    <message>
        <source>Benign or likely benign: not shown on the pedigree</source>
        <translation>Bénin ou probablement bénin : non indiqué sur l'arbre</translation>
    </message>
    <message>
        <source>{item} — {field}</source>
        <translation>{item} — {field}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where} : {message}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Test {number} ({kind})</source>
        <translation>Analyse {number} ({kind})</translation>
    </message>
    <message>
        <source>Variant {number} ({gene})</source>
        <translation>Variant {number} ({gene})</translation>
    </message>
    <message>
        <source>Variant {number}</source>
        <translation>Variant {number}</translation>
    </message>
    <message>
        <source>Consent {number}</source>
        <translation>Consentement {number}</translation>
    </message>
    <message>
        <source>Information of relatives {number}</source>
        <translation>Information de la parentèle {number}</translation>
    </message>
    <message>
        <source>Genetic tests</source>
        <translation>Analyses génétiques</translation>
    </message>
    <message>
        <source>Genetic tests ({count})</source>
        <translation>Analyses génétiques ({count})</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variants</translation>
    </message>
    <message>
        <source>Variants ({count})</source>
        <translation>Variants ({count})</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>Consents ({count})</source>
        <translation>Consentements ({count})</translation>
    </message>
    <message>
        <source>Relatives informed ({count})</source>
        <translation>Apparentés informés ({count})</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Select a test, a variant, a consent or an information to see it.</source>
        <translation>Sélectionnez une analyse, un variant, un consentement ou une information pour la consulter.</translation>
    </message>
    <message>
        <source>Select an item in a table to see and edit it.</source>
        <translation>Sélectionnez une ligne d'un tableau pour la consulter et la modifier.</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Add a test, a variant, a consent or the relatives informed with the “Add” buttons, or with the Insert key in a table.</source>
        <translation>Rien n'est encore enregistré. Ajoutez une analyse, un variant, un consentement ou les apparentés informés avec les boutons « Ajouter », ou avec la touche Inser dans un tableau.</translation>
    </message>
    <message>
        <source>Breast and ovary ({count} genes)</source>
        <translation>Sein et ovaire ({count} gènes)</translation>
    </message>
    <message>
        <source>Colon and digestive tract ({count} genes)</source>
        <translation>Côlon et tube digestif ({count} gènes)</translation>
    </message>
</context>
<context>
    <name>GeneticsLetterMode</name>
    <message>
        <source>Handed by the patient: names the gene and the variant</source>
        <translation>Remise par le patient : mentionne le gène et le variant</translation>
    </message>
    <message>
        <source>Sent by the physician (art. L. 1131-1-2): names neither the patient nor the variant</source>
        <translation>Adressée par le médecin (art. L. 1131-1-2) : ne mentionne ni le patient ni le variant</translation>
    </message>
</context>
<context>
    <name>GeneticsOutcome</name>
    <message>
        <source>Not known yet</source>
        <translation>Pas encore connu</translation>
    </message>
    <message>
        <source>Carrier of the familial variant</source>
        <translation>Porteur du variant familial</translation>
    </message>
    <message>
        <source>Not a carrier</source>
        <translation>Non porteur</translation>
    </message>
</context>
<context>
    <name>GeneticsStatus</name>
    <message>
        <source>Requested</source>
        <translation>Prescrite</translation>
    </message>
    <message>
        <source>Sent to the laboratory</source>
        <translation>Envoyée au laboratoire</translation>
    </message>
    <message>
        <source>Result received</source>
        <translation>Résultat reçu</translation>
    </message>
</context>
<context>
    <name>GeneticsTestKind</name>
    <message>
        <source>Gene panel</source>
        <translation>Panel de gènes</translation>
    </message>
    <message>
        <source>Targeted familial variant</source>
        <translation>Variant familial ciblé</translation>
    </message>
    <message>
        <source>Predictive test of a relative</source>
        <translation>Test présymptomatique d'un apparenté</translation>
    </message>
</context>
<context>
    <name>GeneticsZygosity</name>
    <message>
        <source>Heterozygous</source>
        <translation>Hétérozygote</translation>
    </message>
    <message>
        <source>Homozygous</source>
        <translation>Homozygote</translation>
    </message>
    <message>
        <source>Compound heterozygous</source>
        <translation>Hétérozygote composite</translation>
    </message>
    <message>
        <source>Hemizygous</source>
        <translation>Hémizygote</translation>
    </message>
    <message>
        <source>Mosaic</source>
        <translation>Mosaïque</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Non précisée</translation>
    </message>
</context>
<context>
    <name>HistoryEditor</name>
    <message>
        <source>Add a cancer (Insert)</source>
        <extracomment>sections of the history, as in the problems' ``field`` ("cancers[0].age", "note")</extracomment>
        <translation>Ajouter un cancer (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected cancer (Delete)</source>
        <translation>Supprimer le cancer sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Add a risk-reducing surgery (Insert)</source>
        <translation>Ajouter une chirurgie de réduction de risque (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected surgery (Delete)</source>
        <translation>Supprimer la chirurgie sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>General comment</source>
        <translation>Commentaire général</translation>
    </message>
    <message>
        <source>Anything about the personal history that the fields above do not say</source>
        <translation>Ce que les champs ci-dessus ne disent pas des antécédents personnels</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>Age at diagnosis</source>
        <translation>Âge au diagnostic</translation>
    </message>
    <message>
        <source>Date of diagnosis</source>
        <translation>Date du diagnostic</translation>
    </message>
    <message>
        <source>Histology</source>
        <translation>Histologie</translation>
    </message>
    <message>
        <source>Confirmed by a pathology report</source>
        <translation>Confirmé par un compte rendu anatomopathologique</translation>
    </message>
    <message>
        <source>Breast cancer: grade and markers</source>
        <translation>Cancer du sein : grade et marqueurs</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Triple negative</source>
        <translation>Triple négatif</translation>
    </message>
    <message>
        <source>Oestrogen and progesterone receptors and HER2 are all negative</source>
        <translation>Récepteurs aux œstrogènes, à la progestérone et HER2 tous négatifs</translation>
    </message>
    <message>
        <source>ER</source>
        <translation>RE</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>RP</translation>
    </message>
    <message>
        <source>Mismatch repair (colorectal, endometrium)</source>
        <translation>Système MMR (côlon-rectum, endomètre)</translation>
    </message>
    <message>
        <source>MSI status</source>
        <translation>Statut MSI</translation>
    </message>
    <message>
        <source>Immunohistochemistry</source>
        <translation>Immunohistochimie</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>Chirurgie</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>45, ~45, 40-49…</source>
        <translation>45, ~45, 40-49…</translation>
    </message>
    <message>
        <source>An exact age (45), an approximate one (~45, 40-49, &lt; 50) or “unknown”</source>
        <translation>Un âge exact (45), approché (~45, 40-49, &lt; 50) ou « inconnu »</translation>
    </message>
    <message>
        <source>The age or the date is enough; if both are given, they must agree.</source>
        <translation>L'âge ou la date suffit ; si les deux sont saisis, ils doivent concorder.</translation>
    </message>
    <message>
        <source>Remove a cancer</source>
        <translation>Supprimer un cancer</translation>
    </message>
    <message>
        <source>Remove cancer {number} ({site}) from the personal history?</source>
        <translation>Supprimer le cancer {number} ({site}) des antécédents ?</translation>
    </message>
    <message>
        <source>Remove a surgery</source>
        <translation>Supprimer une chirurgie</translation>
    </message>
    <message>
        <source>Remove surgery {number} ({kind}) from the personal history?</source>
        <translation>Supprimer la chirurgie {number} ({kind}) des antécédents ?</translation>
    </message>
    <message>
        <source>The removal is saved with the rest of the form.</source>
        <translation>La suppression sera enregistrée avec le reste du formulaire.</translation>
    </message>
    <message>
        <source>{item} — {field}</source>
        <translation>{item} — {field}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where} : {message}</translation>
    </message>
    <message>
        <source>Receptors</source>
        <translation>Récepteurs</translation>
    </message>
    <message>
        <source>Cancer {number} ({site})</source>
        <translation>Cancer {number} ({site})</translation>
    </message>
    <message>
        <source>Surgery {number} ({kind})</source>
        <translation>Chirurgie {number} ({kind})</translation>
    </message>
    <message>
        <source>Cancers ({count})</source>
        <translation>Cancers ({count})</translation>
    </message>
    <message>
        <source>Cancers</source>
        <translation>Cancers</translation>
    </message>
    <message>
        <source>Risk-reducing surgeries ({count})</source>
        <translation>Chirurgies de réduction de risque ({count})</translation>
    </message>
    <message>
        <source>Risk-reducing surgeries</source>
        <translation>Chirurgies de réduction de risque</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Select a cancer or a surgery to see its details.</source>
        <translation>Sélectionnez un cancer ou une chirurgie pour en voir le détail.</translation>
    </message>
    <message>
        <source>Select a cancer or a surgery to see and edit its details.</source>
        <translation>Sélectionnez un cancer ou une chirurgie pour en voir et en modifier le détail.</translation>
    </message>
    <message>
        <source>No cancer and no risk-reducing surgery recorded. Add one with the “Add” buttons, or with the Insert key in a table.</source>
        <translation>Aucun cancer ni aucune chirurgie de réduction de risque enregistrés. Ajoutez-en avec les boutons « Ajouter », ou avec la touche Inser dans un tableau.</translation>
    </message>
</context>
<context>
    <name>HistoryGrade</name>
    <message>
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
</context>
<context>
    <name>HistoryHistology</name>
    <message>
        <source>Not specified</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>Ductal</source>
        <translation>Canalaire</translation>
    </message>
    <message>
        <source>Lobular</source>
        <translation>Lobulaire</translation>
    </message>
    <message>
        <source>Ductal carcinoma in situ</source>
        <translation>Canalaire in situ</translation>
    </message>
    <message>
        <source>High-grade serous</source>
        <translation>Séreux de haut grade</translation>
    </message>
    <message>
        <source>Mucinous</source>
        <translation>Mucineux</translation>
    </message>
    <message>
        <source>Germ cell</source>
        <translation>Germinal</translation>
    </message>
    <message>
        <source>Borderline</source>
        <translation>Borderline</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>HistoryIhc</name>
    <message>
        <source>Not specified</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>All four proteins expressed</source>
        <translation>Expression conservée des 4 protéines</translation>
    </message>
    <message>
        <source>Loss of MLH1/PMS2</source>
        <translation>Perte MLH1/PMS2</translation>
    </message>
    <message>
        <source>Loss of MSH2/MSH6</source>
        <translation>Perte MSH2/MSH6</translation>
    </message>
    <message>
        <source>Isolated loss of MSH6</source>
        <translation>Perte isolée MSH6</translation>
    </message>
    <message>
        <source>Isolated loss of PMS2</source>
        <translation>Perte isolée PMS2</translation>
    </message>
    <message>
        <source>Other pattern</source>
        <translation>Autre profil</translation>
    </message>
</context>
<context>
    <name>HistoryLaterality</name>
    <message>
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droit</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilatéral</translation>
    </message>
</context>
<context>
    <name>HistoryMsi</name>
    <message>
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Unstable (MSI)</source>
        <translation>Instable (MSI)</translation>
    </message>
    <message>
        <source>Stable (MSS)</source>
        <translation>Stable (MSS)</translation>
    </message>
</context>
<context>
    <name>HistoryReceptor</name>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
</context>
<context>
    <name>HistorySite</name>
    <message>
        <source>Breast</source>
        <translation>Sein</translation>
    </message>
    <message>
        <source>Contralateral breast</source>
        <translation>Sein controlatéral</translation>
    </message>
    <message>
        <source>Ovary</source>
        <translation>Ovaire</translation>
    </message>
    <message>
        <source>Endometrium</source>
        <translation>Endomètre</translation>
    </message>
    <message>
        <source>Cervix</source>
        <translation>Col de l'utérus</translation>
    </message>
    <message>
        <source>Prostate</source>
        <translation>Prostate</translation>
    </message>
    <message>
        <source>Testis</source>
        <translation>Testicule</translation>
    </message>
    <message>
        <source>Pancreas</source>
        <translation>Pancréas</translation>
    </message>
    <message>
        <source>Colon and rectum</source>
        <translation>Côlon-rectum</translation>
    </message>
    <message>
        <source>Stomach</source>
        <translation>Estomac</translation>
    </message>
    <message>
        <source>Small bowel</source>
        <translation>Intestin grêle</translation>
    </message>
    <message>
        <source>Biliary tract</source>
        <translation>Voies biliaires</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Foie</translation>
    </message>
    <message>
        <source>Oesophagus</source>
        <translation>Œsophage</translation>
    </message>
    <message>
        <source>Upper urinary tract (ureter, renal pelvis)</source>
        <translation>Voies urinaires hautes (uretère, bassinet)</translation>
    </message>
    <message>
        <source>Bladder</source>
        <translation>Vessie</translation>
    </message>
    <message>
        <source>Kidney</source>
        <translation>Rein</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerveau</translation>
    </message>
    <message>
        <source>Sebaceous tumour</source>
        <translation>Tumeur sébacée</translation>
    </message>
    <message>
        <source>Melanoma</source>
        <translation>Mélanome</translation>
    </message>
    <message>
        <source>Thyroid</source>
        <translation>Thyroïde</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Poumon</translation>
    </message>
    <message>
        <source>Adrenal cortex</source>
        <translation>Corticosurrénale</translation>
    </message>
    <message>
        <source>Sarcoma</source>
        <translation>Sarcome</translation>
    </message>
    <message>
        <source>Leukaemia</source>
        <translation>Leucémie</translation>
    </message>
    <message>
        <source>Lymphoma</source>
        <translation>Lymphome</translation>
    </message>
    <message>
        <source>Head and neck</source>
        <translation>Voies aérodigestives supérieures</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Autre localisation</translation>
    </message>
</context>
<context>
    <name>HistorySurgeryKind</name>
    <message>
        <source>Mastectomy</source>
        <translation>Mastectomie</translation>
    </message>
    <message>
        <source>Salpingo-oophorectomy</source>
        <translation>Annexectomie (salpingo-ovariectomie)</translation>
    </message>
    <message>
        <source>Hysterectomy</source>
        <translation>Hystérectomie</translation>
    </message>
    <message>
        <source>Colectomy</source>
        <translation>Colectomie</translation>
    </message>
</context>
<context>
    <name>HistorySurgerySide</name>
    <message>
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilatérale</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>{age} y</source>
        <translation>{age} ans</translation>
    </message>
    <message>
        <source>{age} ({date})</source>
        <translation>{age} ({date})</translation>
    </message>
    <message>
        <source>ER</source>
        <translation>RE</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>RP</translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation>grade {grade}</translation>
    </message>
    <message>
        <source>triple negative</source>
        <translation>triple négatif</translation>
    </message>
</context>
<context>
    <name>InactiveUserTableModel</name>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Warned on</source>
        <translation>Averti le</translation>
    </message>
    <message>
        <source>Revocation due on</source>
        <translation>Révocation prévue le</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Never signed in; account created on {date}</source>
        <translation>Jamais connecté ; compte créé le {date}</translation>
    </message>
</context>
<context>
    <name>InformationTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Relatives</source>
        <translation>Apparentés</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Moyen</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Nothing to correct.</source>
        <translation>Rien à corriger.</translation>
    </message>
    <message>
        <source>Click a problem to go to its field</source>
        <translation>Cliquez sur un problème pour aller à son champ</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <source>To correct ({count})</source>
        <translation>À corriger ({count})</translation>
    </message>
    <message>
        <source>To correct</source>
        <translation>À corriger</translation>
    </message>
</context>
<context>
    <name>LettersPreviewDialog</name>
    <message>
        <source>Convocation letters</source>
        <translation>Convocations</translation>
    </message>
    <message>
        <source>Reminder letters</source>
        <translation>Lettres de relance</translation>
    </message>
    <message>
        <source>One letter per page, shown from memory. Making the letters is recorded in the event log (their number, never their content); so is saving them.</source>
        <translation>Une lettre par page, affichée depuis la mémoire. La création des lettres est inscrite au journal (leur nombre, jamais leur contenu) ; leur enregistrement aussi.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) without an appointment to come: no convocation for them (send a reminder instead).</source>
        <translation>
            <numerusform>%n ligne sélectionnée sans rendez-vous à venir : pas de convocation pour elle (envoyez plutôt une relance).</numerusform>
            <numerusform>%n lignes sélectionnées sans rendez-vous à venir : pas de convocation pour elles (envoyez plutôt une relance).</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing is not available on this installation: save the letters and print them from a PDF reader.</source>
        <translation>L'impression n'est pas disponible sur cette installation : enregistrez les lettres et imprimez-les depuis un lecteur PDF.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Making the letters…</source>
        <translation>Préparation des lettres…</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) ready.</source>
        <translation>
            <numerusform>%n lettre prête.</numerusform>
            <numerusform>%n lettres prêtes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the letters</source>
        <translation>Enregistrer les lettres</translation>
    </message>
    <message>
        <source>Saving the letters…</source>
        <translation>Enregistrement des lettres…</translation>
    </message>
    <message>
        <source>Letters saved: {path}</source>
        <translation>Lettres enregistrées : {path}</translation>
    </message>
    <message>
        <source>The letters could not be printed: {reason}.</source>
        <translation>Les lettres n'ont pas pu être imprimées : {reason}.</translation>
    </message>
    <message>
        <source>Letters sent to the printer (pages: {count}).</source>
        <translation>Lettres envoyées à l'imprimante (pages : {count}).</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Database location</source>
        <translation>Emplacement de la base</translation>
    </message>
    <message>
        <source>Who will use OISO Desktop on this computer?</source>
        <translation>Qui utilisera OISO Desktop sur cet ordinateur ?</translation>
    </message>
    <message>
        <source>Just me (folder of my user account)</source>
        <translation>Pour moi seul (dossier de mon compte)</translation>
    </message>
    <message>
        <source>All users of this computer (shared folder)</source>
        <translation>Pour tous les utilisateurs de ce PC (dossier partagé)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the shared folder when several people, each with their own session on this computer, use OISO Desktop. Creating it may require administrator rights on the computer.</source>
        <translation>Choisissez le dossier partagé lorsque plusieurs personnes, chacune avec sa propre session sur cet ordinateur, utilisent OISO Desktop. Sa création peut demander les droits d'administrateur de l'ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>Choose the database folder</source>
        <translation>Choisir le dossier de la base</translation>
    </message>
    <message>
        <source>The database will be created in: {path}</source>
        <translation>La base sera créée dans : {path}</translation>
    </message>
    <message>
        <source>Give the full path of the folder.</source>
        <translation>Indiquez le chemin complet du dossier.</translation>
    </message>
    <message>
        <source>This folder already contains an OISO database. Choose another folder, or cancel and start OISO Desktop with this folder.</source>
        <translation>Ce dossier contient déjà une base OISO. Choisissez un autre dossier, ou annulez et démarrez OISO Desktop avec ce dossier.</translation>
    </message>
    <message>
        <source>Cannot write in this folder ({reason}). Choose another folder.</source>
        <translation>Impossible d'écrire dans ce dossier ({reason}). Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>Your open windows are kept. Type your password to continue.</source>
        <translation>Vos fenêtres ouvertes sont conservées. Saisissez votre mot de passe pour continuer.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Changer d'utilisateur</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>OISO Desktop — Sign in</source>
        <extracomment>the user picked another interface language ("fr" or "en")</extracomment>
        <translation>OISO Desktop — Connexion</translation>
    </message>
    <message>
        <source>DEMONSTRATION MODE — fictitious data</source>
        <translation>MODE DÉMONSTRATION — données fictives</translation>
    </message>
    <message>
        <source>OISO Desktop</source>
        <translation>OISO Desktop</translation>
    </message>
    <message>
        <source>Oncogenetics identification and follow-up</source>
        <translation>Identification et suivi en oncogénétique</translation>
    </message>
    <message>
        <source>Database: {folder}</source>
        <translation>Base : {folder}</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Recovery code...</source>
        <translation>Code de récupération…</translation>
    </message>
    <message>
        <source>Demonstration accounts</source>
        <translation>Comptes de démonstration</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>Remplir</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>LoginNoticesDialog</name>
    <message>
        <source>Since your last login</source>
        <translation>Depuis votre dernière connexion</translation>
    </message>
    <message numerus="yes">
        <source>New files shared with you (%n)</source>
        <translation>
            <numerusform>Nouveau dossier partagé avec vous (%n)</numerusform>
            <numerusform>Nouveaux dossiers partagés avec vous (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emergency access to your files (%n)</source>
        <translation>
            <numerusform>Accès d'urgence à vos dossiers (%n)</numerusform>
            <numerusform>Accès d'urgence à vos dossiers (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>A colleague opened one of your files read only, without it being shared with them, giving the reason below. An administrator reviews each of these accesses.</source>
        <translation>Un confrère a ouvert en lecture seule un de vos dossiers qui ne lui était pas partagé, en donnant le motif ci-dessous. Un administrateur examine chacun de ces accès.</translation>
    </message>
    <message>
        <source>I have read this</source>
        <translation>J'ai pris connaissance</translation>
    </message>
    <message>
        <source>&lt;b&gt;{patient}&lt;/b&gt; (born on {birth}), shared by {owner}: &lt;b&gt;{level}&lt;/b&gt;, on {date} at {time}</source>
        <translation>&lt;b&gt;{patient}&lt;/b&gt; (né(e) le {birth}), partagé par {owner} : &lt;b&gt;{level}&lt;/b&gt;, le {date} à {time}</translation>
    </message>
    <message>
        <source>Message: “{message}”</source>
        <translation>Message : « {message} »</translation>
    </message>
    <message>
        <source>the file of &lt;b&gt;{patient}&lt;/b&gt; (born on {birth})</source>
        <translation>le dossier de &lt;b&gt;{patient}&lt;/b&gt; (né(e) le {birth})</translation>
    </message>
    <message>
        <source>the file no. {id} (no longer one of yours)</source>
        <translation>le dossier n° {id} (qui n'est plus l'un des vôtres)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{user}&lt;/b&gt; opened {patient} on {date} at {time}.</source>
        <translation>&lt;b&gt;{user}&lt;/b&gt; a ouvert {patient} le {date} à {time}.</translation>
    </message>
    <message>
        <source>Reason given: “{reason}”</source>
        <translation>Motif donné : « {reason} »</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Encrypted local database (SQLCipher)</source>
        <extracomment>The window's first size, and what a window manager's title bar may take above it. the page is shown to the roles that have this permission</extracomment>
        <translation>Base locale chiffrée (SQLCipher)</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>Serveur PostgreSQL</translation>
    </message>
    <message>
        <source>OISO Desktop — {name}</source>
        <extracomment>the account was suspended or revoked meanwhile; French text for the login screen</extracomment>
        <translation>OISO Desktop — {name}</translation>
    </message>
    <message>
        <source>DEMONSTRATION MODE — fictitious data, deleted when the application closes</source>
        <translation>MODE DÉMONSTRATION — données fictives, effacées à la fermeture de l'application</translation>
    </message>
    <message>
        <source>Older copy of the database</source>
        <extracomment>show() the window maximized (first start on a small screen): see app.py.</extracomment>
        <translation>Copie plus ancienne de la base</translation>
    </message>
    <message>
        <source>This database looks older than the one already used on this computer.</source>
        <translation>Cette base de données semble plus ancienne que celle déjà utilisée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The last event seen here was no. {remembered}; the database now ends at no. {found}. Recent records and events may have been lost, or the database files were replaced by an older copy (a restored backup, a copied folder). Tell your administrator. This alert has been recorded in the event log.</source>
        <translation>Le dernier événement vu ici portait le n° {remembered} ; la base s'arrête maintenant au n° {found}. Des fiches et des événements récents ont pu être perdus, ou les fichiers de la base ont été remplacés par une copie plus ancienne (sauvegarde restaurée, dossier recopié). Prévenez votre administrateur. Cette alerte a été enregistrée dans le journal.</translation>
    </message>
    <message>
        <source>New recovery sheet</source>
        <translation>Nouvelle fiche de récupération</translation>
    </message>
    <message>
        <source>Issue a new recovery sheet now?</source>
        <translation>Émettre dès maintenant une nouvelle fiche de récupération ?</translation>
    </message>
    <message>
        <source>You signed in with the recovery code: it is now known to whoever typed or read it. A new sheet replaces it; the code just used then stops working.</source>
        <translation>Vous vous êtes connecté avec le code de récupération : il est désormais connu de quiconque l'a saisi ou lu. Une nouvelle fiche le remplace ; le code utilisé cesse alors de fonctionner.</translation>
    </message>
    <message>
        <source>The database key could not be changed: {reason} Use “Change the database key now” once the other sessions are closed.</source>
        <translation>La clé de la base n'a pas pu être changée : {reason} Utilisez « Changer la clé de la base maintenant… » quand les autres sessions seront fermées.</translation>
    </message>
    <message>
        <source>Issue a new sheet</source>
        <translation>Émettre une nouvelle fiche</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partages</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Change my password...</source>
        <translation>&amp;Changer le mot de passe…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About OISO Desktop</source>
        <translation>À &amp;propos d'OISO Desktop</translation>
    </message>
    <message>
        <source>Locking...</source>
        <translation>Verrouillage…</translation>
    </message>
    <message>
        <source>Unlocking...</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>{count} open file(s) have changes that are not saved:</source>
        <translation>{count} dossier(s) ouvert(s) ont des modifications non enregistrées :</translation>
    </message>
    <message>
        <source>Leaving now loses these changes. Cancel, then save each file first.</source>
        <translation>Quitter maintenant perd ces modifications. Annulez, puis enregistrez d'abord chaque dossier.</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>Quitter sans enregistrer</translation>
    </message>
    <message>
        <source>My &amp;secretaries...</source>
        <translation>Mes &amp;secrétaires...</translation>
    </message>
    <message>
        <source>Practitioners I a&amp;ssist...</source>
        <translation>Praticiens que j'a&amp;ssiste...</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
    <message>
        <source>&amp;Unbind my account from this computer...</source>
        <translation>&amp;Délier mon compte de cet ordinateur…</translation>
    </message>
    <message>
        <source>&amp;Bind my account to this computer...</source>
        <translation>&amp;Lier mon compte à cet ordinateur…</translation>
    </message>
    <message>
        <source>No secure keyring (credential manager) was found on this computer: binding is unavailable.</source>
        <translation>Aucun trousseau sécurisé (gestionnaire d'identifiants) n'a été trouvé sur cet ordinateur : la liaison est indisponible.</translation>
    </message>
    <message>
        <source>Your account is now bound to this computer.</source>
        <translation>Votre compte est maintenant lié à cet ordinateur.</translation>
    </message>
    <message>
        <source>Your account is no longer bound to this computer.</source>
        <translation>Votre compte n'est plus lié à cet ordinateur.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language will be used the next time OISO Desktop starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage d'OISO Desktop.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OISO Desktop {version}&lt;/h3&gt;&lt;p&gt;Oncogenetics identification and follow-up.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; {backend}&lt;br&gt;&lt;b&gt;Folder:&lt;/b&gt; {folder}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OISO Desktop {version}&lt;/h3&gt;&lt;p&gt;Identification et suivi en oncogénétique.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Base de données :&lt;/b&gt; {backend}&lt;br&gt;&lt;b&gt;Dossier :&lt;/b&gt; {folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About OISO Desktop</source>
        <translation>À propos d'OISO Desktop</translation>
    </message>
    <message>
        <source>Emergency accesses</source>
        <translation>Accès d'urgence</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n à examiner</numerusform>
            <numerusform>%n à examiner</numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;ollow-up</source>
        <translation>&amp;Suivi</translation>
    </message>
    <message>
        <source>Surveillance &amp;protocols...</source>
        <translation>&amp;Protocoles de surveillance…</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Maintenance...</source>
        <translation>Maintenance…</translation>
    </message>
    <message>
        <source>Maintenance: {step}... {percent} %</source>
        <translation>Maintenance : {step}… {percent} %</translation>
    </message>
    <message>
        <source>⚠ Maintenance incomplete</source>
        <translation>⚠ Maintenance incomplète</translation>
    </message>
    <message>
        <source>The maintenance job did not complete:</source>
        <translation>La maintenance n'a pas pu aller jusqu'au bout :</translation>
    </message>
</context>
<context>
    <name>MaintenanceJob</name>
    <message>
        <source>purging the event log</source>
        <translation>purge du journal</translation>
    </message>
    <message>
        <source>checking the database</source>
        <translation>contrôle de la base</translation>
    </message>
    <message>
        <source>inactive accounts</source>
        <translation>comptes inactifs</translation>
    </message>
    <message>
        <source>departed users' files</source>
        <translation>dossiers des comptes partis</translation>
    </message>
    <message>
        <source>access alerts</source>
        <translation>alertes d'accès</translation>
    </message>
    <message>
        <source>sending emails</source>
        <translation>envoi des courriels</translation>
    </message>
    <message>
        <source>Maintenance...</source>
        <translation>Maintenance…</translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <source>Maintenance</source>
        <extracomment>the usual port of each kind of connection (offered when the kind changes)</extracomment>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Runs by itself after each sign-in: purges the event log beyond 6 months, checks the database, warns then revokes the accounts unused for a year, archives then deletes the departed users' unshared files, raises the access alerts and sends the waiting emails.</source>
        <translation>S'exécute d'elle-même après chaque connexion : purge le journal au-delà de 6 mois, contrôle la base, avertit puis révoque les comptes inutilisés depuis un an, archive puis supprime les dossiers non partagés des utilisateurs partis, relève les alertes d'accès et envoie les courriels en attente.</translation>
    </message>
    <message>
        <source>Inactive accounts</source>
        <translation>Comptes inactifs</translation>
    </message>
    <message>
        <source>Email settings</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>File d'envoi</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Run the maintenance now</source>
        <translation>Lancer la maintenance maintenant</translation>
    </message>
    <message>
        <source>After a year without sign-in, the account's user gets an email inviting them to sign in; without a sign-in within the grace period, the account is revoked (the database is re-keyed). A sign-in meanwhile cancels it.</source>
        <translation>Après un an sans connexion, l'utilisateur du compte reçoit un courriel l'invitant à se connecter ; sans connexion dans le délai de grâce, le compte est révoqué (la base est rechiffrée). Une connexion entre-temps annule la révocation.</translation>
    </message>
    <message>
        <source>Grace period before revocation:</source>
        <translation>Délai avant révocation :</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>({minimum} to {maximum} days)</source>
        <translation>(de {minimum} à {maximum} jours)</translation>
    </message>
    <message>
        <source>Revoke now…</source>
        <translation>Révoquer maintenant…</translation>
    </message>
    <message>
        <source>The server through which OISO sends its emails (inactivity warnings, alerts). The messages are in French and carry no health data. The password is stored encrypted in the database.</source>
        <translation>Le serveur par lequel OISO envoie ses courriels (avertissements d'inactivité, alertes). Les messages sont en français et ne contiennent aucune donnée de santé. Le mot de passe est enregistré chiffré dans la base.</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <source>e.g. smtp.chu-exemple.fr</source>
        <translation>par exemple : smtp.chu-exemple.fr</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation>Aucune (non chiffré)</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>e.g. oiso@chu-exemple.fr</source>
        <translation>par exemple : oiso@chu-exemple.fr</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Adresse d'expédition :</translation>
    </message>
    <message>
        <source>empty: no authentication</source>
        <translation>vide : pas d'authentification</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d'utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>Supprimer le mot de passe enregistré</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Send a test message…</source>
        <translation>Envoyer un message de test…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Scheduled maintenance</source>
        <translation>Maintenance planifiée</translation>
    </message>
    <message>
        <source>Reading the state…</source>
        <translation>Lecture de l'état…</translation>
    </message>
    <message>
        <source>The maintenance can also run every night with nobody signed in: a scheduled task of this computer starts the command below under this OS account ({account}). Setting it up puts a random secret in this account's system keyring and adds a maintenance key to the database; no password is stored, nothing is written in clear. Schedule the task under this same account, in a session where its keyring is available.</source>
        <translation>La maintenance peut aussi s'exécuter chaque nuit sans personne de connecté : une tâche planifiée de cet ordinateur lance la commande ci-dessous avec ce compte du système ({account}). La configurer place un secret aléatoire dans le trousseau système de ce compte et ajoute une clé de maintenance à la base ; aucun mot de passe n'est enregistré, rien n'est écrit en clair. Planifiez la tâche avec ce même compte, dans une session où son trousseau est accessible.</translation>
    </message>
    <message>
        <source>the current one</source>
        <translation>le compte actuel</translation>
    </message>
    <message>
        <source>Command to schedule:</source>
        <translation>Commande à planifier :</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>Configurer…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting: {pending} (failing: {failing}) · sent: {sent}</source>
        <translation>En attente : {pending} (en échec : {failing}) · envoyés : {sent}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Dernière erreur : {error}</translation>
    </message>
    <message>
        <source>stored; leave empty to keep it</source>
        <translation>enregistré ; laisser vide pour le conserver</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>aucun enregistré</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Grace period saved: {days} days.</source>
        <translation>Délai avant révocation enregistré : {days} jours.</translation>
    </message>
    <message>
        <source>Revoke an account</source>
        <translation>Révoquer un compte</translation>
    </message>
    <message>
        <source>Revoke the account {login} ({name}) now, for good?</source>
        <translation>Révoquer maintenant et définitivement le compte {login} ({name}) ?</translation>
    </message>
    <message>
        <source>The database will be re-keyed: it is encrypted again with a new key and this account's key is removed, so its password can no longer open the database. This may take a moment and cannot be undone. The user's identity is kept for traceability.</source>
        <translation>La base sera rechiffrée : elle est chiffrée à nouveau avec une nouvelle clé et la clé de ce compte est supprimée, si bien que son mot de passe ne peut plus ouvrir la base. Cela peut prendre un moment et est irréversible. L'identité de l'utilisateur est conservée pour la traçabilité.</translation>
    </message>
    <message>
        <source>Revoke and re-key</source>
        <translation>Révoquer et rechiffrer</translation>
    </message>
    <message>
        <source>Revoking the account and re-keying the database…</source>
        <translation>Révocation du compte et rechiffrement de la base…</translation>
    </message>
    <message>
        <source>Account {login} revoked; the database has been re-keyed.</source>
        <translation>Compte {login} révoqué ; la base a été rechiffrée.</translation>
    </message>
    <message>
        <source>Email settings saved.</source>
        <translation>Paramètres de courriel enregistrés.</translation>
    </message>
    <message>
        <source>Test message</source>
        <translation>Message de test</translation>
    </message>
    <message>
        <source>Send a test message to the address:</source>
        <translation>Envoyer un message de test à l'adresse :</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sending the test message to {address}…</source>
        <translation>Envoi du message de test à {address}…</translation>
    </message>
    <message>
        <source>Sending the test message…</source>
        <translation>Envoi du message de test…</translation>
    </message>
    <message>
        <source>Test message sent to {address}: check that it arrived.</source>
        <translation>Message de test envoyé à {address} : vérifiez qu'il est bien arrivé.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>{step}… {percent} %</source>
        <translation>{step}… {percent} %</translation>
    </message>
    <message>
        <source>not checked (server database)</source>
        <translation>non effectué (base sur serveur)</translation>
    </message>
    <message>
        <source>no problem found</source>
        <translation>aucun problème</translation>
    </message>
    <message>
        <source>PROBLEM FOUND: tell your IT department</source>
        <translation>PROBLÈME DÉTECTÉ : prévenez votre service informatique</translation>
    </message>
    <message>
        <source>Maintenance finished.</source>
        <translation>Maintenance terminée.</translation>
    </message>
    <message>
        <source>Old events purged from the log: {count}.</source>
        <translation>Événements anciens purgés du journal : {count}.</translation>
    </message>
    <message>
        <source>Inactive accounts: warned {warned}, warnings cancelled {cancelled}, revoked {revoked}.</source>
        <translation>Comptes inactifs : avertis {warned}, avertissements annulés {cancelled}, révoqués {revoked}.</translation>
    </message>
    <message>
        <source>Departed users' files: archived {archived}, restored {restored}, deleted {deleted}.</source>
        <translation>Dossiers des utilisateurs partis : archivés {archived}, restaurés {restored}, supprimés {deleted}.</translation>
    </message>
    <message>
        <source>Emails: sent {sent}, failed {failed}, waiting {waiting}.</source>
        <translation>Courriels : envoyés {sent}, en échec {failed}, en attente {waiting}.</translation>
    </message>
    <message>
        <source>Database check: {result}.</source>
        <translation>Contrôle de la base : {result}.</translation>
    </message>
    <message>
        <source>Access alerts raised: {count}.</source>
        <translation>Alertes d'accès relevées : {count}.</translation>
    </message>
    <message>
        <source>No email server is set: the messages wait in the outbox.</source>
        <translation>Aucun serveur de courriel n'est paramétré : les messages attendent dans la file d'envoi.</translation>
    </message>
    <message>
        <source>A revocation's re-key waits until no other session has the database open.</source>
        <translation>Le rechiffrement d'une révocation attend qu'aucune autre session n'ait la base ouverte.</translation>
    </message>
    <message>
        <source>Steps not completed: {reasons}</source>
        <translation>Étapes non terminées : {reasons}</translation>
    </message>
    <message>
        <source>Set up for this database: the scheduled task can run the command.</source>
        <translation>Configurée pour cette base : la tâche planifiée peut lancer la commande.</translation>
    </message>
    <message>
        <source>Not set up for this database.</source>
        <translation>Non configurée pour cette base.</translation>
    </message>
    <message>
        <source>Set up again…</source>
        <translation>Reconfigurer…</translation>
    </message>
    <message>
        <source>Command copied.</source>
        <translation>Commande copiée.</translation>
    </message>
    <message>
        <source>Set up scheduled maintenance again for this database?</source>
        <translation>Reconfigurer la maintenance planifiée de cette base ?</translation>
    </message>
    <message>
        <source>Set up scheduled maintenance for this database?</source>
        <translation>Configurer la maintenance planifiée de cette base ?</translation>
    </message>
    <message>
        <source>A new random secret goes to the system keyring of this OS account ({account}) and a maintenance key that it opens is added to the database. The scheduled task must run under this account. An earlier setup, even from another OS account, stops working.</source>
        <translation>Un nouveau secret aléatoire est placé dans le trousseau système de ce compte du système ({account}) et une clé de maintenance qu'il ouvre est ajoutée à la base. La tâche planifiée doit s'exécuter avec ce compte. Une configuration antérieure, même faite depuis un autre compte du système, cesse de fonctionner.</translation>
    </message>
    <message>
        <source>Set up again</source>
        <translation>Reconfigurer</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Configurer</translation>
    </message>
    <message>
        <source>Scheduled maintenance set up: schedule the command above under this OS account.</source>
        <translation>Maintenance planifiée configurée : planifiez la commande ci-dessus avec ce compte du système.</translation>
    </message>
    <message>
        <source>Setting up scheduled maintenance…</source>
        <translation>Configuration de la maintenance planifiée…</translation>
    </message>
    <message>
        <source>Remove scheduled maintenance for this database?</source>
        <translation>Retirer la maintenance planifiée de cette base ?</translation>
    </message>
    <message>
        <source>The database's maintenance key and the secret in this account's system keyring are erased: the scheduled command will be refused until it is set up again. Remove the scheduled task from the computer too.</source>
        <translation>La clé de maintenance de la base et le secret du trousseau système de ce compte sont effacés : la commande planifiée sera refusée jusqu'à une nouvelle configuration. Supprimez aussi la tâche planifiée de l'ordinateur.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Scheduled maintenance removed: its key and its secret are erased.</source>
        <translation>Maintenance planifiée retirée : sa clé et son secret sont effacés.</translation>
    </message>
    <message>
        <source>Scheduled maintenance was not set up.</source>
        <translation>La maintenance planifiée n'était pas configurée.</translation>
    </message>
    <message>
        <source>Removing scheduled maintenance…</source>
        <translation>Retrait de la maintenance planifiée…</translation>
    </message>
    <message>
        <source>Account revoked. The database key will be changed as soon as the other open sessions are closed.</source>
        <translation>Compte révoqué. La clé de la base sera changée dès que les autres sessions ouvertes seront fermées.</translation>
    </message>
</context>
<context>
    <name>ManualProtocolsDialog</name>
    <message>
        <source>For a patient without a variant whose family history meets the HAS 2014 criteria of high or very high risk (no variant found, or no test). The exams of the checked protocols join the plan; uncheck a protocol to remove its exams.</source>
        <translation>Pour une personne sans variant dont l'histoire familiale remplit les critères HAS 2014 de haut ou de très haut risque (aucun variant trouvé, ou pas de test). Les examens des protocoles cochés rejoignent le plan ; décochez un protocole pour retirer ses examens.</translation>
    </message>
    <message>
        <source>Reading the protocols…</source>
        <translation>Lecture des protocoles…</translation>
    </message>
    <message>
        <source>No protocol can be selected by hand.</source>
        <translation>Aucun protocole ne peut être choisi manuellement.</translation>
    </message>
    <message>
        <source>(to be confirmed)</source>
        <translation>(à confirmer)</translation>
    </message>
    <message>
        <source>• {exam}: {ages}, {schedule}</source>
        <translation>• {exam} : {ages}, {schedule}</translation>
    </message>
    <message>
        <source>Source: {note}</source>
        <translation>Source : {note}</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>C&amp;onfirmation:</source>
        <translation>C&amp;onfirmation :</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation>Mot de passe provisoire</translation>
    </message>
    <message>
        <source>Temporary password of the account &lt;b&gt;{login}&lt;/b&gt;:</source>
        <translation>Mot de passe provisoire du compte &lt;b&gt;{login}&lt;/b&gt; :</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>To be given to the user; they will have to change it at their first login. It will not be shown again.</source>
        <translation>À transmettre à l'utilisateur ; il devra le changer à sa première connexion. Il ne sera plus affiché.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>PasswordFeedback</name>
    <message>
        <source>At least 12 characters with lower case, upper case, digits and symbols (or 14 characters with three of them, or a passphrase of 7 words).</source>
        <translation>Au moins 12 caractères avec des minuscules, des majuscules, des chiffres et des symboles (ou 14 caractères avec trois de ces types, ou une phrase de passe de 7 mots).</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l'actuel.</translation>
    </message>
    <message>
        <source>Type the same password in both fields.</source>
        <translation>Saisissez le même mot de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>Confirm the password in the second field.</source>
        <translation>Confirmez le mot de passe dans le second champ.</translation>
    </message>
    <message>
        <source>✓ The password meets the security rules.</source>
        <translation>✓ Le mot de passe respecte les règles de sécurité.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Female (F)</source>
        <translation>Féminin (F)</translation>
    </message>
    <message>
        <source>Male (M)</source>
        <translation>Masculin (M)</translation>
    </message>
    <message>
        <source>Undetermined (I)</source>
        <translation>Indéterminé (I)</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Vivant</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Décédé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>Patient identity — {name}</source>
        <translation>Identité du patient — {name}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>You assist no practitioner yet: ask the administrator to link your account to the practitioners you work for.</source>
        <translation>Vous n'assistez encore aucun praticien : demandez à l'administrateur de rattacher votre compte aux praticiens pour lesquels vous travaillez.</translation>
    </message>
    <message>
        <source>Choose the sex.</source>
        <translation>Choisissez le sexe.</translation>
    </message>
    <message>
        <source>Choose the practitioner in charge of this file.</source>
        <translation>Choisissez le praticien responsable de ce dossier.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Read only: this file is shared with you for reading; you cannot change it.</source>
        <translation>Lecture seule : ce dossier est partagé avec vous en lecture ; vous ne pouvez pas le modifier.</translation>
    </message>
    <message>
        <source>Saving the patient file…</source>
        <translation>Enregistrement du dossier patient…</translation>
    </message>
    <message>
        <source>Edit conflict</source>
        <translation>Conflit de modification</translation>
    </message>
    <message>
        <source>This file was changed by someone else while you were editing it.</source>
        <translation>Ce dossier a été modifié par quelqu'un d'autre pendant que vous le modifiiez.</translation>
    </message>
    <message>
        <source>Your entries are not lost. Reload the saved version: your entries stay in the form and the values saved meanwhile are shown under each field.</source>
        <translation>Vos saisies ne sont pas perdues. Rechargez la version enregistrée : vos saisies restent dans le formulaire et les valeurs enregistrées entre-temps sont affichées sous chaque champ.</translation>
    </message>
    <message>
        <source>Reload (your entries will be shown beside)</source>
        <translation>Recharger (vos saisies seront affichées à côté)</translation>
    </message>
    <message>
        <source>Copy my entries</source>
        <translation>Copier mes saisies</translation>
    </message>
    <message>
        <source>This file was changed by someone else. Your entries are kept.</source>
        <translation>Ce dossier a été modifié par quelqu'un d'autre. Vos saisies sont conservées.</translation>
    </message>
    <message>
        <source>Reloading the patient file…</source>
        <translation>Rechargement du dossier patient…</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Saved by the other user: {value}</source>
        <translation>Enregistré par l'autre utilisateur : {value}</translation>
    </message>
    <message>
        <source>This file was changed by someone else. Your entries are kept in the form; the values they saved are shown under the fields that differ. Check, then save again.</source>
        <translation>Ce dossier a été modifié par quelqu'un d'autre. Vos saisies sont conservées dans le formulaire ; les valeurs enregistrées par l'autre utilisateur sont affichées sous les champs qui diffèrent. Vérifiez, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>The saved version has been reloaded; you can save again.</source>
        <translation>La version enregistrée a été rechargée ; vous pouvez enregistrer à nouveau.</translation>
    </message>
    <message>
        <source>Patient identity</source>
        <translation>Identité du patient</translation>
    </message>
    <message>
        <source>Identity (INS traits)</source>
        <translation>Identité (traits INS)</translation>
    </message>
    <message>
        <source>Birth name *</source>
        <translation>Nom de naissance *</translation>
    </message>
    <message>
        <source>Birth first name(s) *</source>
        <translation>Prénom(s) de naissance *</translation>
    </message>
    <message>
        <source>All the first names on the civil status, separated by spaces</source>
        <translation>Tous les prénoms de l'état civil, séparés par des espaces</translation>
    </message>
    <message>
        <source>Birth date *</source>
        <translation>Date de naissance *</translation>
    </message>
    <message>
        <source>Sex *</source>
        <translation>Sexe *</translation>
    </message>
    <message>
        <source>Birthplace (INSEE code)</source>
        <translation>Lieu de naissance (code INSEE)</translation>
    </message>
    <message>
        <source>e.g. 75056, or 99xxx abroad</source>
        <translation>par ex. 75056, ou 99xxx à l'étranger</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>15 characters, key included</source>
        <translation>15 caractères, clé comprise</translation>
    </message>
    <message>
        <source>INS identity status</source>
        <translation>Statut de l'identité INS</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Used name</source>
        <translation>Nom d'usage</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Practitioner in charge *</source>
        <translation>Praticien responsable *</translation>
    </message>
    <message>
        <source>The practitioner who owns the new file</source>
        <translation>Le praticien propriétaire du nouveau dossier</translation>
    </message>
    <message>
        <source>Referring physician</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <source>Vital status</source>
        <translation>Statut vital</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Date de décès</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>PatientFileWindow</name>
    <message>
        <source>Personal history</source>
        <translation>Antécédents</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this file (Ctrl+W)</source>
        <translation>Fermer ce dossier (Ctrl+W)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save every modified tab (Ctrl+S)</source>
        <translation>Enregistrer tous les onglets modifiés (Ctrl+S)</translation>
    </message>
    <message>
        <source>Opening the clinical forms…</source>
        <translation>Ouverture des formulaires cliniques…</translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} à {time}</translation>
    </message>
    <message>
        <source>(no change)</source>
        <translation>(aucune modification)</translation>
    </message>
    <message>
        <source>{used} (birth name {birth}) {first}</source>
        <translation>{used} (née {birth}) {first}</translation>
    </message>
    <message>
        <source>born on {date}</source>
        <comment>female</comment>
        <translation>née le {date}</translation>
    </message>
    <message>
        <source>born on {date}</source>
        <comment>male</comment>
        <translation>né le {date}</translation>
    </message>
    <message>
        <source>born on {date}</source>
        <translation>né(e) le {date}</translation>
    </message>
    <message>
        <source>{name} — {born} — {sex} — INS: {ins}</source>
        <translation>{name} — {born} — {sex} — INS : {ins}</translation>
    </message>
    <message>
        <source>{name} — patient file</source>
        <translation>{name} — dossier patient</translation>
    </message>
    <message>
        <source>Clinical data</source>
        <translation>Données cliniques</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Genetics</source>
        <translation>Génétique</translation>
    </message>
    <message>
        <source>Summary (PDF)…</source>
        <translation>Résumé (PDF)…</translation>
    </message>
    <message>
        <source>Preview the patient summary (identity, history, family and pedigree, genetics, scores) as saved; save or print it from there.</source>
        <translation>Aperçu du résumé du dossier (identité, antécédents, famille et arbre, génétique, scores) tel qu'enregistré ; l'enregistrer ou l'imprimer depuis l'aperçu.</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>The CanRisk file was removed: its export could not be logged. {error}</source>
        <translation>Le fichier CanRisk a été supprimé : son export n'a pas pu être consigné dans le journal. {error}</translation>
    </message>
    <message>
        <source>Read only: this file is shared with you for reading.</source>
        <translation>Lecture seule : ce dossier est partagé avec vous en lecture.</translation>
    </message>
    <message>
        <source>Not saved: {tabs}.</source>
        <translation>Non enregistré : {tabs}.</translation>
    </message>
    <message>
        <source>Everything is saved.</source>
        <translation>Tout est enregistré.</translation>
    </message>
    <message>
        <source>Some entries are not valid: nothing was saved. Each problem is shown at its field.</source>
        <translation>Certaines saisies ne sont pas valides : rien n'a été enregistré. Chaque problème est signalé à son champ.</translation>
    </message>
    <message>
        <source>Saving {form}…</source>
        <translation>Enregistrement : {form}…</translation>
    </message>
    <message>
        <source>The version saved by the other user is shown.</source>
        <translation>La version enregistrée par l'autre utilisateur est affichée.</translation>
    </message>
    <message>
        <source>Your entries are kept. Check them, then save: they will replace the version saved meanwhile (it stays in the history).</source>
        <translation>Votre saisie est conservée. Vérifiez-la, puis enregistrez : elle remplacera la version enregistrée entre-temps (qui reste dans l'historique).</translation>
    </message>
    <message>
        <source>Version no. {revision} is back in the form. Save to make it the current version.</source>
        <translation>La version n° {revision} est reprise dans le formulaire. Enregistrez pour en faire la version actuelle.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>This file has unsaved changes: {tabs}.</source>
        <translation>Ce dossier a des modifications non enregistrées : {tabs}.</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>Les enregistrer avant de fermer ?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
    <message>
        <source>Emergency access (break-the-glass) — read only, until you log out. This access is logged, shown to the file's owner and reviewed by an administrator.</source>
        <translation>Accès d'urgence (bris de glace) — lecture seule, jusqu'à la déconnexion. Cet accès est enregistré dans le journal, signalé au responsable du dossier et examiné par un administrateur.</translation>
    </message>
    <message>
        <source>Read only: emergency access (break-the-glass).</source>
        <translation>Lecture seule : accès d'urgence (bris de glace).</translation>
    </message>
    <message>
        <source>File transferred</source>
        <translation>Dossier transféré</translation>
    </message>
    <message>
        <source>The file of {patient} now belongs to {name}.</source>
        <translation>Le dossier de {patient} appartient désormais à {name}.</translation>
    </message>
    <message>
        <source>Its window is closed: you no longer have access to it unless they share it.</source>
        <translation>Sa fenêtre est fermée : vous n'y avez plus accès, sauf si ce praticien vous le partage.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Patient rights</source>
        <translation>Droits du patient</translation>
    </message>
    <message>
        <source>Restrict, export (FHIR + PDF) or erase the file, at the patient's request</source>
        <translation>Restreindre, exporter (FHIR + PDF) ou effacer le dossier, à la demande du patient</translation>
    </message>
    <message>
        <source>Save or undo your changes first.</source>
        <translation>Enregistrez ou annulez d'abord vos modifications.</translation>
    </message>
    <message>
        <source>Read only: this file is restricted at the patient's request.</source>
        <translation>Lecture seule : ce dossier est restreint à la demande du patient.</translation>
    </message>
    <message>
        <source>The file is now restricted: read only.</source>
        <translation>Le dossier est désormais restreint : lecture seule.</translation>
    </message>
    <message>
        <source>The restriction is lifted.</source>
        <translation>La restriction est levée.</translation>
    </message>
    <message>
        <source>File exported (FHIR bundle and summary PDF) to {folder}.</source>
        <translation>Dossier exporté (paquet FHIR et synthèse PDF) dans {folder}.</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message numerus="yes">
        <source>%n relative(s) entered in the family</source>
        <translation>
            <numerusform>%n apparenté saisi dans la famille</numerusform>
            <numerusform>%n apparentés saisis dans la famille</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them had a cancer</source>
        <translation>
            <numerusform>dont %n ayant eu un cancer</numerusform>
            <numerusform>dont %n ayant eu un cancer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientListView</name>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Search: name, first name, birth date (DD/MM/YYYY) or NIR…</source>
        <translation>Rechercher : nom, prénom, date de naissance (JJ/MM/AAAA) ou NIR…</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>Create a patient file (Ctrl+N)</source>
        <translation>Créer un dossier patient (Ctrl+N)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No patient file found</source>
        <translation>Aucun dossier patient trouvé</translation>
    </message>
    <message>
        <source>No patient file yet</source>
        <translation>Aucun dossier patient pour l'instant</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln dossier</numerusform>
            <numerusform>%Ln dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the patient file…</source>
        <translation>Ouverture du dossier patient…</translation>
    </message>
    <message>
        <source>Gene:</source>
        <translation>Gène :</translation>
    </message>
    <message>
        <source>All genes</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Only the files whose patient carries a variant of this gene</source>
        <translation>Seulement les dossiers dont le patient porte un variant de ce gène</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Classe :</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Toutes les classes</translation>
    </message>
    <message>
        <source>Positive (class 4 or 5)</source>
        <translation>Positifs (classe 4 ou 5)</translation>
    </message>
    <message>
        <source>Only the files whose patient carries a variant of this class (with the gene)</source>
        <translation>Seulement les dossiers dont le patient porte un variant de cette classe (et du gène choisi)</translation>
    </message>
    <message>
        <source>Emergency access…</source>
        <translation>Accès d'urgence…</translation>
    </message>
    <message>
        <source>Break-the-glass: open, read-only and until you log out, a file that is not shared with you, found by the patient's exact identity. You give a reason; the access is logged, shown to the file's owner and reviewed by an administrator.</source>
        <translation>Bris de glace : ouvrir, en lecture seule et jusqu'à votre déconnexion, un dossier qui ne vous est pas partagé, retrouvé par l'identité exacte du patient. Vous indiquez un motif ; l'accès est enregistré dans le journal, signalé au responsable du dossier et examiné par un administrateur.</translation>
    </message>
    <message>
        <source>Import a file (FHIR)…</source>
        <translation>Importer un dossier (FHIR)…</translation>
    </message>
    <message>
        <source>Import a patient file exported by a colleague (FHIR R4 bundle) as a new file of yours, at the patient's request</source>
        <translation>Importer un dossier patient exporté par un confrère (paquet FHIR R4) comme nouveau dossier à votre nom, à la demande du patient</translation>
    </message>
    <message>
        <source>Import a file (FHIR)</source>
        <translation>Importer un dossier (FHIR)</translation>
    </message>
</context>
<context>
    <name>PatientPickerDialog</name>
    <message>
        <source>Link to a patient file</source>
        <translation>Lier à un dossier patient</translation>
    </message>
    <message>
        <source>Choose the patient file of {person}. The link is shown only to users who may open both files.</source>
        <translation>Choisissez le dossier patient de {person}. Le lien n'est visible que des utilisateurs autorisés à ouvrir les deux dossiers.</translation>
    </message>
    <message>
        <source>Name, first name or birth date…</source>
        <translation>Nom, prénom ou date de naissance…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PatientRights</name>
    <message>
        <source>Restricted at the patient's request since {date}: the file is read only for everyone until the practitioner in charge lifts the restriction. Reason: {reason}</source>
        <translation>Restreint à la demande du patient depuis le {date} : le dossier est en lecture seule pour tous jusqu'à la levée de la restriction par son responsable. Motif : {reason}</translation>
    </message>
</context>
<context>
    <name>PatientRightsActions</name>
    <message>
        <source>Restrict the file…</source>
        <extracomment>a callable returning a refusal text ("" when the window may change state)</extracomment>
        <translation>Restreindre le dossier…</translation>
    </message>
    <message>
        <source>Lift the restriction…</source>
        <translation>Lever la restriction…</translation>
    </message>
    <message>
        <source>Export (FHIR + PDF)…</source>
        <translation>Exporter (FHIR + PDF)…</translation>
    </message>
    <message>
        <source>Erase the file…</source>
        <translation>Effacer le dossier…</translation>
    </message>
    <message>
        <source>Restrict the patient file</source>
        <translation>Restreindre le dossier patient</translation>
    </message>
    <message>
        <source>At the patient's request, the file is frozen read only for everyone: identity, clinical forms, documents, plan and appointments can no longer be changed until you lift the restriction. It can still be read, shared read only, exported and erased.</source>
        <translation>À la demande du patient, le dossier est figé en lecture seule pour tous : identité, formulaires cliniques, documents, plan et rendez-vous ne peuvent plus être modifiés jusqu'à ce que vous leviez la restriction. Il peut toujours être consulté, partagé en lecture seule, exporté et effacé.</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>Restreindre</translation>
    </message>
    <message>
        <source>Lift the restriction</source>
        <translation>Lever la restriction</translation>
    </message>
    <message>
        <source>The file can be changed again by those who may. Say why.</source>
        <translation>Le dossier pourra de nouveau être modifié par ceux qui y sont autorisés. Indiquez pourquoi.</translation>
    </message>
    <message>
        <source>Restricting the file…</source>
        <translation>Restriction du dossier…</translation>
    </message>
    <message>
        <source>Lifting the restriction…</source>
        <translation>Levée de la restriction…</translation>
    </message>
    <message>
        <source>Folder for the export (FHIR + PDF)</source>
        <translation>Dossier de destination de l'export (FHIR + PDF)</translation>
    </message>
    <message>
        <source>Exporting the file…</source>
        <translation>Export du dossier…</translation>
    </message>
    <message>
        <source>Exporting the file (FHIR + PDF)…</source>
        <translation>Export du dossier (FHIR + PDF)…</translation>
    </message>
    <message>
        <source>Erasing the file…</source>
        <translation>Effacement du dossier…</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Provisional</source>
        <translation>Provisoire</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Récupérée</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiée</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Undetermined</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <source>Used name</source>
        <translation>Nom d'usage</translation>
    </message>
    <message>
        <source>First name(s)</source>
        <translation>Prénom(s)</translation>
    </message>
    <message>
        <source>Born on</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>INS status</source>
        <translation>Statut INS</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Shared with me by {owner} — read only</source>
        <translation>Partagé avec moi par {owner} — lecture seule</translation>
    </message>
    <message>
        <source>Shared with me by {owner} — read and write</source>
        <translation>Partagé avec moi par {owner} — lecture et écriture</translation>
    </message>
    <message>
        <source>Affected / relatives</source>
        <translation>Atteints / apparentés</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>Relatives who had a cancer / relatives entered in the family (the patient not counted)</source>
        <translation>Apparentés ayant eu un cancer / apparentés saisis dans la famille (sans compter le patient)</translation>
    </message>
    <message>
        <source>Genes with a pathogenic variant recorded in the family</source>
        <translation>Gènes porteurs d'un variant pathogène enregistré dans la famille</translation>
    </message>
    <message>
        <source>No family entered yet</source>
        <translation>Famille pas encore saisie</translation>
    </message>
    <message>
        <source>Pathogenic variant recorded in the family: {genes}</source>
        <translation>Variant pathogène enregistré dans la famille : {genes}</translation>
    </message>
    <message>
        <source>No pathogenic variant recorded in the family</source>
        <translation>Aucun variant pathogène enregistré dans la famille</translation>
    </message>
    <message>
        <source>File no longer available</source>
        <translation>Dossier plus accessible</translation>
    </message>
    <message>
        <source>No genetics entered yet</source>
        <translation>Aucune donnée génétique saisie</translation>
    </message>
    <message>
        <source>No variant recorded</source>
        <translation>Aucun variant enregistré</translation>
    </message>
    <message>
        <source>{gene}: {label}</source>
        <translation>{gene} : {label}</translation>
    </message>
    <message>
        <source>Gene (class)</source>
        <translation>Gène (classe)</translation>
    </message>
    <message>
        <source>The patient's variants and their ACMG class (Genetics tab); only class 4 or 5 is a positive result</source>
        <translation>Les variants du patient et leur classe ACMG (onglet Génétique) ; seules les classes 4 et 5 sont un résultat positif</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <source>the printer could not be opened</source>
        <translation>l'imprimante n'a pas pu être ouverte</translation>
    </message>
    <message>
        <source>the printer refused a new page</source>
        <translation>l'imprimante a refusé une nouvelle page</translation>
    </message>
</context>
<context>
    <name>Pedigree</name>
    <message>
        <source>Breast</source>
        <translation>Sein</translation>
    </message>
    <message>
        <source>Contralat. breast</source>
        <translation>Sein contro.</translation>
    </message>
    <message>
        <source>Ovary</source>
        <translation>Ovaire</translation>
    </message>
    <message>
        <source>Endometrium</source>
        <translation>Endomètre</translation>
    </message>
    <message>
        <source>Cervix</source>
        <translation>Col utérin</translation>
    </message>
    <message>
        <source>Prostate</source>
        <translation>Prostate</translation>
    </message>
    <message>
        <source>Testis</source>
        <translation>Testicule</translation>
    </message>
    <message>
        <source>Pancreas</source>
        <translation>Pancréas</translation>
    </message>
    <message>
        <source>Colon</source>
        <translation>Côlon</translation>
    </message>
    <message>
        <source>Stomach</source>
        <translation>Estomac</translation>
    </message>
    <message>
        <source>Small bowel</source>
        <translation>Grêle</translation>
    </message>
    <message>
        <source>Biliary tr.</source>
        <translation>Voies bil.</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Foie</translation>
    </message>
    <message>
        <source>Oesophagus</source>
        <translation>Œsophage</translation>
    </message>
    <message>
        <source>Upper urin.</source>
        <translation>Voies urin.</translation>
    </message>
    <message>
        <source>Bladder</source>
        <translation>Vessie</translation>
    </message>
    <message>
        <source>Kidney</source>
        <translation>Rein</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerveau</translation>
    </message>
    <message>
        <source>Sebaceous</source>
        <translation>Sébacée</translation>
    </message>
    <message>
        <source>Melanoma</source>
        <translation>Mélanome</translation>
    </message>
    <message>
        <source>Thyroid</source>
        <translation>Thyroïde</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Poumon</translation>
    </message>
    <message>
        <source>Adrenal</source>
        <translation>Surrénale</translation>
    </message>
    <message>
        <source>Sarcoma</source>
        <translation>Sarcome</translation>
    </message>
    <message>
        <source>Leukaemia</source>
        <translation>Leucémie</translation>
    </message>
    <message>
        <source>Lymphoma</source>
        <translation>Lymphome</translation>
    </message>
    <message>
        <source>Head &amp; neck</source>
        <translation>VADS</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Breast cancer</source>
        <translation>Cancer du sein</translation>
    </message>
    <message>
        <source>Ovarian cancer</source>
        <translation>Cancer de l'ovaire</translation>
    </message>
    <message>
        <source>Colorectal and Lynch spectrum</source>
        <translation>Côlon-rectum et spectre de Lynch</translation>
    </message>
    <message>
        <source>Prostate cancer</source>
        <translation>Cancer de la prostate</translation>
    </message>
    <message>
        <source>Pancreatic cancer</source>
        <translation>Cancer du pancréas</translation>
    </message>
    <message>
        <source>Other cancer</source>
        <translation>Autre cancer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Sex unknown</source>
        <translation>Sexe inconnu</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Décédé(e)</translation>
    </message>
    <message>
        <source>Proband</source>
        <translation>Cas index</translation>
    </message>
    <message>
        <source>Carrier of a pathogenic variant</source>
        <translation>Porteur d'un variant pathogène</translation>
    </message>
    <message>
        <source>Gene + : pathogenic variant ; − : negative ; VUS : unknown significance</source>
        <translation>Gène + : variant pathogène ; − : négatif ; VSI : signification inconnue</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adopté(e)</translation>
    </message>
    <message>
        <source>Consanguineous couple</source>
        <translation>Union consanguine</translation>
    </message>
    <message>
        <source>Monozygotic twins</source>
        <translation>Jumeaux monozygotes</translation>
    </message>
    <message>
        <source>Dizygotic twins</source>
        <translation>Jumeaux dizygotes</translation>
    </message>
    <message>
        <source>y</source>
        <translation>a</translation>
    </message>
    <message>
        <source>b.</source>
        <translation>°</translation>
    </message>
    <message>
        <source>VUS</source>
        <translation>VSI</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
</context>
<context>
    <name>PedigreeView</name>
    <message>
        <source>Pedigree</source>
        <translation>Arbre généalogique</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xe :</translation>
    </message>
    <message>
        <source>&amp;Birth year:</source>
        <translation>&amp;Année de naissance :</translation>
    </message>
    <message>
        <source>A&amp;ge:</source>
        <translation>Â&amp;ge :</translation>
    </message>
    <message>
        <source>Age at &amp;death:</source>
        <translation>Âge au &amp;décès :</translation>
    </message>
    <message>
        <source>Ado&amp;ption:</source>
        <translation>Ado&amp;ption :</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ote :</translation>
    </message>
    <message>
        <source>First name, name or initials</source>
        <translation>Prénom, nom ou initiales</translation>
    </message>
    <message>
        <source>e.g. 1957</source>
        <translation>ex. 1957</translation>
    </message>
    <message>
        <source>45, ~45, 40-49</source>
        <translation>45, ~45, 40-49</translation>
    </message>
    <message>
        <source>Age at last news: exact (45), approximate (~45, 40-49, &lt; 50) or “unknown”; kept as typed</source>
        <translation>Âge aux dernières nouvelles : exact (45), approché (~45, 40-49, &lt; 50) ou « inconnu » ; conservé tel que saisi</translation>
    </message>
    <message>
        <source>Age at death: exact (45), approximate (~45, 40-49, &lt; 50) or “unknown”; kept as typed</source>
        <translation>Âge au décès : exact (45), approché (~45, 40-49, &lt; 50) ou « inconnu » ; conservé tel que saisi</translation>
    </message>
    <message>
        <source>Dec&amp;eased</source>
        <translation>Décéd&amp;é(e)</translation>
    </message>
    <message>
        <source>Ashkenazi Jewish ancestry</source>
        <translation>Ascendance juive ashkénaze</translation>
    </message>
    <message>
        <source>&amp;Twin of:</source>
        <translation>&amp;Jumeau ou jumelle de :</translation>
    </message>
    <message>
        <source>Couples:</source>
        <translation>Couples :</translation>
    </message>
    <message>
        <source>Add the couple</source>
        <translation>Ajouter le couple</translation>
    </message>
    <message>
        <source>Record a couple between this person and a relative already entered (for example cousins who married: then tick “consanguineous”)</source>
        <translation>Enregistrer un couple entre cette personne et un apparenté déjà saisi (par exemple des cousins mariés : cochez ensuite « consanguin »)</translation>
    </message>
    <message>
        <source>Patient file:</source>
        <translation>Dossier patient :</translation>
    </message>
    <message>
        <source>Link to a file…</source>
        <translation>Lier à un dossier…</translation>
    </message>
    <message>
        <source>Link this relative to their own patient file</source>
        <translation>Lier cet apparenté à son propre dossier patient</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Remove the link</source>
        <translation>Retirer le lien</translation>
    </message>
    <message>
        <source>Make proband</source>
        <translation>Désigner comme cas index</translation>
    </message>
    <message>
        <source>Make this person the proband (the previous one no longer is)</source>
        <translation>Faire de cette personne le cas index (le précédent ne l'est plus)</translation>
    </message>
    <message>
        <source>Add a cancer</source>
        <translation>Ajouter un cancer</translation>
    </message>
    <message>
        <source>Add a result</source>
        <translation>Ajouter un résultat</translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation>Aucune personne sélectionnée</translation>
    </message>
    <message>
        <source>Parents: {father} and {mother}</source>
        <translation>Parents : {father} et {mother}</translation>
    </message>
    <message>
        <source>Parent: {parent}</source>
        <translation>Parent : {parent}</translation>
    </message>
    <message>
        <source>Parents: not entered</source>
        <translation>Parents : non saisis</translation>
    </message>
    <message numerus="yes">
        <source>Cancers (%n)</source>
        <translation>
            <numerusform>Cancers (%n)</numerusform>
            <numerusform>Cancers (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Genetic results (%n)</source>
        <translation>
            <numerusform>Résultats génétiques (%n)</numerusform>
            <numerusform>Résultats génétiques (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a twin</source>
        <translation>Pas de jumeau</translation>
    </message>
    <message>
        <source>Consanguineous couple with {partner}</source>
        <translation>Couple consanguin avec {partner}</translation>
    </message>
    <message>
        <source>No linked file</source>
        <translation>Aucun dossier lié</translation>
    </message>
</context>
<context>
    <name>ProtocolEditorDialog</name>
    <message>
        <source>New surveillance protocol</source>
        <translation>Nouveau protocole de surveillance</translation>
    </message>
    <message>
        <source>New version of “{name}”</source>
        <translation>Nouvelle version de « {name} »</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>HGNC symbols, e.g. TP53</source>
        <translation>symboles HGNC, par exemple TP53</translation>
    </message>
    <message>
        <source>Genes:</source>
        <translation>Gènes :</translation>
    </message>
    <message>
        <source>lower-case letters, digits and _ (e.g. tp53)</source>
        <translation>lettres minuscules, chiffres et _ (par exemple tp53)</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>Exams:</source>
        <translation>Examens :</translation>
    </message>
    <message>
        <source>Add an exam</source>
        <translation>Ajouter un examen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Selected exam</source>
        <translation>Examen sélectionné</translation>
    </message>
    <message>
        <source>Exam:</source>
        <translation>Examen :</translation>
    </message>
    <message>
        <source>Name of an “other” exam</source>
        <translation>Nom d'un examen « autre »</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Pour :</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Start age:</source>
        <translation>Âge de début :</translation>
    </message>
    <message>
        <source>no end age</source>
        <translation>sans âge de fin</translation>
    </message>
    <message>
        <source>End age:</source>
        <translation>Âge de fin :</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Intervalle :</translation>
    </message>
    <message>
        <source>e.g. 20, 25, 30: one exam at each age, then the interval</source>
        <translation>ex. 20, 25, 30 : un examen à chacun de ces âges, puis l'intervalle</translation>
    </message>
    <message>
        <source>Special schedule:</source>
        <translation>Calendrier particulier :</translation>
    </message>
    <message>
        <source>Stops after:</source>
        <translation>Arrêt après :</translation>
    </message>
    <message>
        <source>To be confirmed</source>
        <translation>À confirmer</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Why this version (required)</source>
        <translation>Pourquoi cette version (obligatoire)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Save the version</source>
        <translation>Enregistrer la version</translation>
    </message>
    <message>
        <source>Exam(s) {numbers} to correct.</source>
        <translation>Examen(s) {numbers} à corriger.</translation>
    </message>
    <message>
        <source>Write the ages separated by commas, e.g. 20, 25, 30 (25,5 for a half year).</source>
        <translation>Écrivez les âges séparés par des virgules, par ex. 20, 25, 30 (25,5 pour une demi-année).</translation>
    </message>
    <message>
        <source>Enter the reason for this version.</source>
        <translation>Indiquez le motif de cette version.</translation>
    </message>
    <message>
        <source>Saving the protocol…</source>
        <translation>Enregistrement du protocole…</translation>
    </message>
</context>
<context>
    <name>ProtocolsView</name>
    <message>
        <source>Women</source>
        <translation>Femmes</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Hommes</translation>
    </message>
    <message>
        <source>Women and men</source>
        <translation>Femmes et hommes</translation>
    </message>
    <message>
        <source>Lynch syndrome (start of colonoscopies)</source>
        <translation>Syndrome de Lynch (début des coloscopies)</translation>
    </message>
    <message>
        <source>APC (upper endoscopy)</source>
        <translation>APC (endoscopie haute)</translation>
    </message>
    <message>
        <source>MUTYH (upper endoscopy)</source>
        <translation>MUTYH (endoscopie haute)</translation>
    </message>
    <message>
        <source>(to be confirmed)</source>
        <translation>(à confirmer)</translation>
    </message>
    <message>
        <source>stops after: {surgeries}</source>
        <translation>arrêt après : {surgeries}</translation>
    </message>
    <message>
        <source>then according to findings</source>
        <translation>puis selon les résultats</translation>
    </message>
    <message>
        <source>from the diagnosis</source>
        <translation>dès le diagnostic</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Âges</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Genes</source>
        <translation>Gènes</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliqué</translation>
    </message>
    <message>
        <source>Surveillance protocols</source>
        <translation>Protocoles de surveillance</translation>
    </message>
    <message>
        <source>Recommendations applied by your structure</source>
        <translation>Recommandations appliquées par votre établissement</translation>
    </message>
    <message>
        <source>Apply this choice</source>
        <translation>Appliquer ce choix</translation>
    </message>
    <message>
        <source>Show every version</source>
        <translation>Afficher toutes les versions</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Nouvelle version…</translation>
    </message>
    <message>
        <source>New protocol…</source>
        <translation>Nouveau protocole…</translation>
    </message>
    <message>
        <source>A protocol for genes without a default one (TP53, PALB2, CDH1…)</source>
        <translation>Un protocole pour des gènes sans protocole par défaut (TP53, PALB2, CDH1…)</translation>
    </message>
    <message>
        <source>Read only: a practitioner edits the protocols.</source>
        <translation>Lecture seule : un praticien modifie les protocoles.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading the protocols…</source>
        <translation>Lecture des protocoles…</translation>
    </message>
    <message>
        <source>selected by hand</source>
        <translation>choisi manuellement</translation>
    </message>
    <message>
        <source>Genes: {genes}</source>
        <translation>Gènes : {genes}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Variant: {variant}</source>
        <translation>Variante : {variant}</translation>
    </message>
    <message>
        <source>applied by your structure</source>
        <translation>appliqué par votre établissement</translation>
    </message>
    <message>
        <source>not applied by your structure</source>
        <translation>non appliqué par votre établissement</translation>
    </message>
    <message>
        <source>custom protocol</source>
        <translation>protocole personnalisé</translation>
    </message>
    <message>
        <source>Saved on {date} by {name}: {reason}</source>
        <translation>Enregistrée le {date} par {name} : {reason}</translation>
    </message>
    <message>
        <source>Former version</source>
        <translation>Version antérieure</translation>
    </message>
    <message>
        <source>Saving the choice…</source>
        <translation>Enregistrement du choix…</translation>
    </message>
    <message>
        <source>Version {version} of “{name}” saved. Plans follow it when they are next recomputed.</source>
        <translation>Version {version} de « {name} » enregistrée. Les plans la suivront à leur prochain recalcul.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (kept in the file, never in the log)</source>
        <translation>Motif (conservé dans le dossier, jamais dans le journal)</translation>
    </message>
    <message>
        <source>{count} characters (at least {minimum})</source>
        <translation>{count} caractères (au moins {minimum})</translation>
    </message>
</context>
<context>
    <name>RecipientSearch</name>
    <message>
        <source>Name, RPPS number or structure…</source>
        <translation>Nom, numéro RPPS ou structure…</translation>
    </message>
    <message>
        <source>RPPS {number}</source>
        <translation>RPPS {number}</translation>
    </message>
    <message>
        <source>Nobody matches this search.</source>
        <translation>Personne ne correspond à cette recherche.</translation>
    </message>
    <message>
        <source>{count} colleague(s) found.</source>
        <translation>{count} confrère(s) trouvé(s).</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeApprovalDialog</name>
    <message>
        <source>Approval with the recovery code</source>
        <translation>Approbation avec le code de récupération</translation>
    </message>
    <message>
        <source>No practitioner or genetic counsellor holds the clinical key yet (a new database, or no approved clinical account is left). The first clinical account is therefore approved with the recovery code of the database, printed on the recovery sheet kept under lock and key. The next accounts are approved by a colleague who holds the key, at their login.</source>
        <translation>Aucun praticien ni conseiller en génétique ne détient encore la clé clinique (base nouvelle, ou plus aucun compte clinique approuvé). Le premier compte clinique est donc approuvé avec le code de récupération de la base, imprimé sur la fiche de récupération conservée sous clé. Les comptes suivants sont approuvés par un collègue qui détient la clé, lors de sa connexion.</translation>
    </message>
    <message>
        <source>Type the recovery code to give &lt;b&gt;{name}&lt;/b&gt; access to clinical data. The use of the code is recorded in the event log; wrong codes are throttled like passwords.</source>
        <translation>Saisissez le code de récupération pour donner à &lt;b&gt;{name}&lt;/b&gt; l'accès aux données cliniques. L'utilisation du code est inscrite au journal ; les codes erronés sont limités comme les mots de passe.</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Code de récupération :</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Checking the recovery code...</source>
        <translation>Vérification du code de récupération…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>Type the code printed on the recovery sheet, the login of an administrator account and a new password for that account. The use of the code is recorded in the event log.</source>
        <translation>Saisissez le code imprimé sur la fiche de récupération, l'identifiant d'un compte administrateur et un nouveau mot de passe pour ce compte. L'utilisation du code est inscrite au journal.</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Code de récupération :</translation>
    </message>
    <message>
        <source>&amp;Administrator login:</source>
        <translation>Identifiant &amp;administrateur :</translation>
    </message>
    <message>
        <source>Restore access</source>
        <translation>Rétablir l'accès</translation>
    </message>
    <message>
        <source>Also change the database key (suspected compromise)</source>
        <translation>Changer aussi la clé de la base (compromission suspectée)</translation>
    </message>
    <message>
        <source>If the sheet or a copy of the database folder may have been seen by someone else: copies of the old key file will no longer open the database. Other sessions must be closed.</source>
        <translation>Si la fiche ou une copie du dossier de la base a pu être vue par quelqu'un d'autre : les copies de l'ancien fichier de clés n'ouvriront plus la base. Les autres sessions doivent être fermées.</translation>
    </message>
    <message>
        <source>Checking the recovery code...</source>
        <translation>Vérification du code de récupération…</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>The database is created. This code is shown only once: it restores access if every administrator password is lost.</source>
        <translation>La base est créée. Ce code n'est affiché qu'une fois : il rétablit l'accès si tous les mots de passe administrateur sont perdus.</translation>
    </message>
    <message>
        <source>Save the recovery sheet (PDF)...</source>
        <translation>Enregistrer la fiche de récupération (PDF)…</translation>
    </message>
    <message>
        <source>Print the sheet or write the code down, and keep it in a safe place (a locked cabinet), away from the computer. Anyone holding this code and the database files can open the database.</source>
        <translation>Imprimez la fiche ou recopiez le code, et conservez-le en lieu sûr (armoire fermée à clé), loin de l'ordinateur. Toute personne détenant ce code et les fichiers de la base peut ouvrir la base.</translation>
    </message>
    <message>
        <source>I have printed or stored this code in a safe place</source>
        <translation>J'ai imprimé ou conservé ce code en lieu sûr</translation>
    </message>
    <message>
        <source>oiso-recovery-sheet.pdf</source>
        <translation>fiche-recuperation-oiso.pdf</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Enregistrer la fiche de récupération</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>New recovery sheet</source>
        <translation>Nouvelle fiche de récupération</translation>
    </message>
    <message>
        <source>The new recovery code is shown only once. The previous code no longer works: destroy the old sheet.</source>
        <translation>Le nouveau code de récupération n'est affiché qu'une seule fois. L'ancien code ne fonctionne plus : détruisez l'ancienne fiche.</translation>
    </message>
    <message>
        <source>Save the recovery sheet (PDF)…</source>
        <translation>Enregistrer la fiche de récupération (PDF)…</translation>
    </message>
    <message>
        <source>Print the sheet or write the code down, and keep it in a safe place (a locked cabinet), away from the computer. Delete the PDF file once printed.</source>
        <translation>Imprimez la fiche ou recopiez le code, et conservez-le en lieu sûr (armoire fermée à clé), loin de l'ordinateur. Supprimez le fichier PDF une fois imprimé.</translation>
    </message>
    <message>
        <source>I have printed or stored this code in a safe place</source>
        <translation>J'ai imprimé ou rangé ce code en lieu sûr</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>oiso-recovery-sheet.pdf</source>
        <translation>oiso-fiche-de-recuperation.pdf</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Enregistrer la fiche de récupération</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the recovery sheet…</source>
        <translation>Enregistrement de la fiche de récupération…</translation>
    </message>
    <message>
        <source>Sheet saved: {path}</source>
        <translation>Fiche enregistrée : {path}</translation>
    </message>
    <message>
        <source>The sheet could not be saved: {reason}</source>
        <translation>La fiche n'a pas pu être enregistrée : {reason}</translation>
    </message>
</context>
<context>
    <name>RelativesLetterDialog</name>
    <message>
        <source>Letter to relatives</source>
        <translation>Lettre d'information de la parentèle</translation>
    </message>
    <message>
        <source>One letter per relative, made from the saved file: the pathogenic variants (class 4 or 5) of the Genetics tab and the relatives of the Family tab. The letters never name the patient.</source>
        <translation>Une lettre par apparenté, rédigée à partir du dossier enregistré : les variants pathogènes (classe 4 ou 5) de l'onglet Génétique et les apparentés de l'onglet Famille. Les lettres ne nomment jamais le patient.</translation>
    </message>
    <message>
        <source>This file has unsaved entries: save it first for the letters to use them.</source>
        <translation>Ce dossier a des saisies non enregistrées : enregistrez-le d'abord pour que les lettres en tiennent compte.</translation>
    </message>
    <message>
        <source>Relatives to write to</source>
        <translation>Apparentés destinataires</translation>
    </message>
    <message>
        <source>The family has no relative yet: add them in the Family tab.</source>
        <translation>La famille ne compte encore aucun apparenté : ajoutez-les dans l'onglet Famille.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Save the letters…</source>
        <translation>Enregistrer les lettres…</translation>
    </message>
    <message>
        <source>Save the letters</source>
        <translation>Enregistrer les lettres</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the letters…</source>
        <translation>Rédaction des lettres…</translation>
    </message>
    <message>
        <source>The letters could not be saved in “{path}”: {reason}.</source>
        <translation>Les lettres n'ont pas pu être enregistrées dans « {path} » : {reason}.</translation>
    </message>
    <message>
        <source>Letter “information de la parentèle” of {date}</source>
        <translation>Lettre d'information de la parentèle du {date}</translation>
    </message>
</context>
<context>
    <name>ResultRow</name>
    <message>
        <source>Gene</source>
        <translation>Gène</translation>
    </message>
    <message>
        <source>Gene symbol (BRCA1, MLH1...)</source>
        <translation>Symbole du gène (BRCA1, MLH1...)</translation>
    </message>
    <message>
        <source>Variant (HGVS), e.g. c.5266dupC</source>
        <translation>Variant (HGVS), ex. c.5266dupC</translation>
    </message>
    <message>
        <source>Type of test</source>
        <translation>Type de test</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Remove this result</source>
        <translation>Retirer ce résultat</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Mark an emergency access as reviewed</source>
        <translation>Marquer un accès d'urgence comme examiné</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Date and time:</source>
        <translation>Date et heure :</translation>
    </message>
    <message>
        <source>File no.:</source>
        <translation>N° de dossier :</translation>
    </message>
    <message>
        <source>Reason given:</source>
        <translation>Motif donné :</translation>
    </message>
    <message>
        <source>Your comment (checks made, follow-up):</source>
        <translation>Votre commentaire (vérifications faites, suites données) :</translation>
    </message>
    <message>
        <source>For example: justified, the patient was admitted to the emergency unit.</source>
        <translation>Par exemple : justifié, le patient a été admis aux urgences.</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Marquer comme examiné</translation>
    </message>
    <message>
        <source>Recording the review…</source>
        <translation>Enregistrement de l'examen…</translation>
    </message>
</context>
<context>
    <name>RevisionHistoryPanel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved on</source>
        <translation>Enregistrée le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Restore this version…</source>
        <translation>Restaurer cette version…</translation>
    </message>
    <message>
        <source>Puts this version back in its tab as your entries; saving makes it the current version (the others stay in the history).</source>
        <translation>Reprend cette version dans son onglet comme votre saisie ; l'enregistrer en fait la version actuelle (les autres restent dans l'historique).</translation>
    </message>
    <message>
        <source>Changes from the previous version</source>
        <translation>Modifications par rapport à la version précédente</translation>
    </message>
    <message>
        <source>Choose a version above.</source>
        <translation>Choisissez une version ci-dessus.</translation>
    </message>
    <message>
        <source>No clinical form of this file has been saved yet.</source>
        <translation>Aucun formulaire clinique de ce dossier n'a encore été enregistré.</translation>
    </message>
    <message>
        <source>{count} version(s)</source>
        <translation>{count} version(s)</translation>
    </message>
    <message>
        <source>No. {revision}</source>
        <translation>N° {revision}</translation>
    </message>
    <message>
        <source>No. {revision} (current)</source>
        <translation>N° {revision} (actuelle)</translation>
    </message>
    <message>
        <source>No saved version yet.</source>
        <translation>Aucune version enregistrée pour l'instant.</translation>
    </message>
    <message>
        <source>{form}, version no. {revision} — saved on {when} by {name}</source>
        <translation>{form}, version n° {revision} — enregistrée le {when} par {name}</translation>
    </message>
    <message>
        <source>(read only)</source>
        <translation>(lecture seule)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Genetic counsellor</source>
        <translation>Conseiller en génétique</translation>
    </message>
    <message>
        <source>Medical secretary</source>
        <translation>Secrétaire médicale</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
</context>
<context>
    <name>ScoreCard</name>
    <message>
        <source>Show {person} in the Family tab</source>
        <extracomment>How long the visible cards wait for more edits before they are redrawn.</extracomment>
        <translation>Afficher {person} dans l'onglet Famille</translation>
    </message>
</context>
<context>
    <name>ScoreTexts</name>
    <message>
        <source>The family has no single proband: only the personal history is counted.</source>
        <translation>La famille n'a pas un cas index unique : seuls les antécédents personnels sont comptés.</translation>
    </message>
    <message>
        <source>Proband adopted: their biological family history is not known.</source>
        <translation>Cas index adopté : ses antécédents familiaux biologiques ne sont pas connus.</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} ou {second}</translation>
    </message>
    <message>
        <source>in a man</source>
        <translation>chez un homme</translation>
    </message>
    <message>
        <source>age at diagnosis unknown</source>
        <translation>âge au diagnostic inconnu</translation>
    </message>
    <message>
        <source>imprecise age (between {low} and {high})</source>
        <translation>âge imprécis (entre {low} et {high} ans)</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>sexe inconnu</translation>
    </message>
    <message>
        <source>before {limit}</source>
        <translation>avant {limit} ans</translation>
    </message>
    <message>
        <source>tumour not verified</source>
        <translation>tumeur non vérifiée</translation>
    </message>
    <message>
        <source>pathogenic {gene} variant identified</source>
        <translation>variant pathogène {gene} identifié</translation>
    </message>
    <message>
        <source>{branch}: score {points}, {meaning}.</source>
        <translation>{branch} : score {points}, {meaning}.</translation>
    </message>
    <message>
        <source>{branch}: score {points} (imprecise age or sex: {people}), {meaning}.</source>
        <translation>{branch} : score {points} (âge ou sexe imprécis : {people}), {meaning}.</translation>
    </message>
    <message>
        <source>excellent indication for an oncogenetics consultation</source>
        <translation>excellente indication de consultation d'oncogénétique</translation>
    </message>
    <message>
        <source>possible indication</source>
        <translation>indication possible</translation>
    </message>
    <message>
        <source>of low value</source>
        <translation>intérêt faible</translation>
    </message>
    <message>
        <source>no case counted</source>
        <translation>aucun cas compté</translation>
    </message>
    <message>
        <source>{branch}: BRCA1 {brca1}, BRCA2 {brca2}, total {combined}.</source>
        <translation>{branch} : BRCA1 {brca1}, BRCA2 {brca2}, total {combined}.</translation>
    </message>
    <message>
        <source>{branch}: BRCA1 {brca1}, BRCA2 {brca2}, total {combined}; with the 2017 pathology adjustments: BRCA1 {adjusted_brca1}, BRCA2 {adjusted_brca2}, total {adjusted_combined}.</source>
        <translation>{branch} : BRCA1 {brca1}, BRCA2 {brca2}, total {combined} ; avec les ajustements anatomopathologiques de 2017 : BRCA1 {adjusted_brca1}, BRCA2 {adjusted_brca2}, total {adjusted_combined}.</translation>
    </message>
    <message>
        <source>Total of {threshold} or more: probability of a BRCA1/2 variant of about 10 % or more, genetic testing indicated.</source>
        <translation>Total d'au moins {threshold} : probabilité d'un variant BRCA1/2 d'environ 10 % ou plus, indication d'analyse génétique.</translation>
    </message>
    <message>
        <source>Total below {threshold} in each branch: probability of a BRCA1/2 variant below about 10 %.</source>
        <translation>Total inférieur à {threshold} dans chaque branche : probabilité d'un variant BRCA1/2 inférieure à environ 10 %.</translation>
    </message>
    <message>
        <source>Threshold of {threshold} perhaps reached (imprecise age or sex: {people}): make them precise.</source>
        <translation>Seuil de {threshold} peut-être atteint (âge ou sexe imprécis : {people}) : précisez-les.</translation>
    </message>
    <message>
        <source>No cancer counted in the person themselves: the threshold is {threshold}, that of testing an unaffected person (Evans 2017).</source>
        <translation>Aucun cancer compté chez la personne elle-même : le seuil est de {threshold}, celui de l'analyse d'une personne non atteinte (Evans 2017).</translation>
    </message>
    <message>
        <source>2017 adjustment: grade {grade}</source>
        <translation>ajustement 2017 : grade {grade}</translation>
    </message>
    <message>
        <source>2017 adjustment: triple negative</source>
        <translation>ajustement 2017 : triple négatif</translation>
    </message>
    <message>
        <source>2017 adjustment: oestrogen receptors positive</source>
        <translation>ajustement 2017 : récepteurs aux œstrogènes positifs</translation>
    </message>
    <message>
        <source>2017 adjustment: oestrogen receptors negative</source>
        <translation>ajustement 2017 : récepteurs aux œstrogènes négatifs</translation>
    </message>
    <message>
        <source>2017 adjustment: HER2 amplified</source>
        <translation>ajustement 2017 : HER2 amplifié</translation>
    </message>
    <message>
        <source>2017 adjustment: {histology} histology</source>
        <translation>ajustement 2017 : histologie {histology}</translation>
    </message>
    <message>
        <source>2017 adjustment: {histology} histology, the case does not count</source>
        <translation>ajustement 2017 : histologie {histology}, le cas ne compte pas</translation>
    </message>
    <message>
        <source>2017 adjustment: high-grade serous before 60</source>
        <translation>ajustement 2017 : séreux de haut grade avant 60 ans</translation>
    </message>
    <message>
        <source>2017 adjustment: proband adopted</source>
        <translation>ajustement 2017 : cas index adopté</translation>
    </message>
    <message>
        <source>at least 3 relatives with a Lynch-spectrum cancer (colorectum, endometrium, small bowel, ureter or renal pelvis)</source>
        <translation>au moins 3 apparentés atteints d'un cancer du spectre de Lynch (côlon-rectum, endomètre, intestin grêle, uretère ou bassinet)</translation>
    </message>
    <message>
        <source>one a first-degree relative of the two others</source>
        <translation>l'un apparenté au premier degré des deux autres</translation>
    </message>
    <message>
        <source>at least 2 successive generations affected</source>
        <translation>au moins 2 générations successives atteintes</translation>
    </message>
    <message>
        <source>at least one diagnosis before 50</source>
        <translation>au moins un diagnostic avant 50 ans</translation>
    </message>
    <message>
        <source>tumours verified (pathology report)</source>
        <translation>tumeurs vérifiées (compte rendu anatomopathologique)</translation>
    </message>
    <message>
        <source>familial adenomatous polyposis excluded</source>
        <translation>polypose adénomateuse familiale exclue</translation>
    </message>
    <message>
        <source>Amsterdam II criteria met: {people}.</source>
        <translation>Critères d'Amsterdam II remplis : {people}.</translation>
    </message>
    <message>
        <source>Amsterdam II criteria met on the declared history ({people}), to be confirmed.</source>
        <translation>Critères d'Amsterdam II remplis sur l'histoire déclarée ({people}), à confirmer.</translation>
    </message>
    <message>
        <source>Tumours to verify on a pathology report: {people}.</source>
        <translation>Tumeurs à vérifier sur un compte rendu anatomopathologique : {people}.</translation>
    </message>
    <message>
        <source>Age at diagnosis to make precise (before 50?): {people}.</source>
        <translation>Âge au diagnostic à préciser (avant 50 ans ?) : {people}.</translation>
    </message>
    <message>
        <source>Amsterdam II criteria not met, missing: {items}.</source>
        <translation>Critères d'Amsterdam II non remplis, il manque : {items}.</translation>
    </message>
    <message>
        <source>No Lynch-spectrum cancer in the family: Amsterdam II criteria not met.</source>
        <translation>Aucun cancer du spectre de Lynch dans la famille : critères d'Amsterdam II non remplis.</translation>
    </message>
    <message>
        <source>Familial adenomatous polyposis is not recorded in the file: to be excluded.</source>
        <translation>La polypose adénomateuse familiale n'est pas renseignée dans le dossier : à exclure.</translation>
    </message>
    <message>
        <source>criterion 1: colorectal cancer before 50</source>
        <translation>critère 1 : cancer colorectal avant 50 ans</translation>
    </message>
    <message>
        <source>criterion 2: synchronous or metachronous HNPCC-spectrum tumours</source>
        <translation>critère 2 : tumeurs synchrones ou métachrones du spectre HNPCC</translation>
    </message>
    <message>
        <source>criterion 3: colorectal cancer with MSI-high histology (mucinous) before 60</source>
        <translation>critère 3 : cancer colorectal d'histologie évocatrice d'instabilité (mucineux) avant 60 ans</translation>
    </message>
    <message>
        <source>criterion 4: first-degree relative with a spectrum tumour, one diagnosis before 50: {people}</source>
        <translation>critère 4 : apparenté au premier degré atteint d'une tumeur du spectre, un diagnostic avant 50 ans : {people}</translation>
    </message>
    <message>
        <source>criterion 5: at least 2 first- or second-degree relatives with spectrum tumours: {people}</source>
        <translation>critère 5 : au moins 2 apparentés au premier ou deuxième degré atteints d'une tumeur du spectre : {people}</translation>
    </message>
    <message>
        <source>Test the tumour of {people} for microsatellite instability (MSI) or MMR deficiency.</source>
        <translation>Rechercher une instabilité microsatellitaire (MSI) ou un déficit MMR sur la tumeur de : {people}.</translation>
    </message>
    <message>
        <source>Criterion possibly met depending on an imprecise age: {people}; make the age at diagnosis precise.</source>
        <translation>Critère possiblement rempli selon un âge imprécis : {people} ; précisez l'âge au diagnostic.</translation>
    </message>
    <message>
        <source>No revised Bethesda criterion is met.</source>
        <translation>Aucun critère de Bethesda révisé n'est rempli.</translation>
    </message>
    <message>
        <source>Tumour of the proband ({site}) already analysed: {msi}.</source>
        <translation>Tumeur du cas index ({site}) déjà analysée : {msi}.</translation>
    </message>
    <message>
        <source>Immunohistochemistry of the proband's tumour ({site}): {ihc}.</source>
        <translation>Immunohistochimie de la tumeur du cas index ({site}) : {ihc}.</translation>
    </message>
    <message>
        <source>Paternal branch</source>
        <translation>Branche paternelle</translation>
    </message>
    <message>
        <source>Maternal branch</source>
        <translation>Branche maternelle</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{relation} ({name})</source>
        <translation>{relation} ({name})</translation>
    </message>
    <message>
        <source>{site}, {age}</source>
        <translation>{site}, {age}</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>âge inconnu</translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <source>Computed from the personal history and the family as entered in their tabs, saved or not. Click a relative to show them in the Family tab.</source>
        <translation>Calculés à partir des antécédents personnels et de la famille tels que saisis dans leurs onglets, enregistrés ou non. Cliquez sur un apparenté pour l'afficher dans l'onglet Famille.</translation>
    </message>
    <message>
        <source>Threshold: {threshold} in one branch (branches are never added)</source>
        <translation>Seuil : {threshold} dans une branche (les branches ne s'additionnent jamais)</translation>
    </message>
    <message>
        <source>{branch} — score {points}</source>
        <translation>{branch} — score {points}</translation>
    </message>
    <message>
        <source>Eisinger score</source>
        <translation>Score d'Eisinger</translation>
    </message>
    <message>
        <source>Breast and ovary, per parental branch</source>
        <translation>Sein et ovaire, par branche parentale</translation>
    </message>
    <message>
        <source>Threshold reached</source>
        <translation>Seuil atteint</translation>
    </message>
    <message>
        <source>Threshold not reached</source>
        <translation>Seuil non atteint</translation>
    </message>
    <message>
        <source>Threshold uncertain</source>
        <translation>Seuil incertain</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Apparenté(e)</translation>
    </message>
    <message>
        <source>Cancer</source>
        <translation>Cancer</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>No breast or ovarian cancer and no BRCA variant in the family.</source>
        <translation>Aucun cancer du sein ou de l'ovaire ni variant BRCA dans la famille.</translation>
    </message>
    <message>
        <source>Without adjustment</source>
        <translation>Sans ajustement</translation>
    </message>
    <message>
        <source>With 2017 adjustments</source>
        <translation>Avec les ajustements de 2017</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Threshold: total ≥ {threshold} in one branch</source>
        <translation>Seuil : total ≥ {threshold} dans une branche</translation>
    </message>
    <message>
        <source>Threshold: total ≥ {threshold} in one branch (no counted cancer in the patient)</source>
        <translation>Seuil : total ≥ {threshold} dans une branche (aucun cancer compté chez la personne elle-même)</translation>
    </message>
    <message>
        <source>{branch} — total {points}</source>
        <translation>{branch} — total {points}</translation>
    </message>
    <message>
        <source>Manchester score</source>
        <translation>Score de Manchester</translation>
    </message>
    <message>
        <source>BRCA1 / BRCA2 / combined, per parental branch</source>
        <translation>BRCA1 / BRCA2 / total, par branche parentale</translation>
    </message>
    <message>
        <source>BRCA1 / BRCA2</source>
        <translation>BRCA1 / BRCA2</translation>
    </message>
    <message>
        <source>No cancer of the Manchester table in the family.</source>
        <translation>Aucun cancer de la table de Manchester dans la famille.</translation>
    </message>
    <message>
        <source>{criterion} (not recorded: to check)</source>
        <translation>{criterion} (non renseignée : à vérifier)</translation>
    </message>
    <message>
        <source>Amsterdam II criteria</source>
        <translation>Critères d'Amsterdam II</translation>
    </message>
    <message>
        <source>Lynch syndrome; all must hold</source>
        <translation>Syndrome de Lynch ; tous doivent être remplis</translation>
    </message>
    <message>
        <source>Criteria met</source>
        <translation>Critères remplis</translation>
    </message>
    <message>
        <source>Criteria not met</source>
        <translation>Critères non remplis</translation>
    </message>
    <message>
        <source>To be confirmed</source>
        <translation>À confirmer</translation>
    </message>
    <message>
        <source>No Lynch-spectrum cancer in the family.</source>
        <translation>Aucun cancer du spectre de Lynch dans la famille.</translation>
    </message>
    <message>
        <source>HNPCC spectrum: {sites}.</source>
        <translation>Spectre HNPCC : {sites}.</translation>
    </message>
    <message>
        <source>Revised Bethesda criteria</source>
        <translation>Critères de Bethesda révisés</translation>
    </message>
    <message>
        <source>Which tumours to test for microsatellite instability</source>
        <translation>Tumeurs à tester pour l'instabilité microsatellitaire</translation>
    </message>
    <message>
        <source>MSI testing indicated</source>
        <translation>Recherche de MSI indiquée</translation>
    </message>
    <message>
        <source>No criterion met</source>
        <translation>Aucun critère rempli</translation>
    </message>
    <message>
        <source>To be made precise</source>
        <translation>À préciser</translation>
    </message>
    <message>
        <source>Tumour of</source>
        <translation>Tumeur de</translation>
    </message>
    <message>
        <source>No tumour meets a criterion.</source>
        <translation>Aucune tumeur ne remplit de critère.</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsPanel</name>
    <message>
        <source>Security settings</source>
        <translation>Paramètres de sécurité</translation>
    </message>
    <message>
        <source>Lock idle sessions after</source>
        <translation>Verrouiller les sessions inactives après</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>(1 to 60 minutes, every workstation, at the next login)</source>
        <translation>(de 1 à 60 minutes, sur tous les postes, à la prochaine connexion)</translation>
    </message>
    <message>
        <source>New recovery sheet…</source>
        <translation>Nouvelle fiche de récupération…</translation>
    </message>
    <message>
        <source>Re-key the database now…</source>
        <translation>Changer la clé de la base maintenant…</translation>
    </message>
    <message>
        <source>A change of the database key was asked for and is not done yet (a password reset or a recovery with “change the key too”): until it is, a copy of the old key file still opens the database. Close the other sessions, then use “Re-key the database now”.</source>
        <translation>Un changement de clé de la base a été demandé et n'est pas encore fait (réinitialisation d'un mot de passe ou récupération avec « changer aussi la clé ») : d'ici là, une copie de l'ancien fichier de clés ouvre encore la base. Fermez les autres sessions, puis utilisez « Changer la clé de la base maintenant… ».</translation>
    </message>
    <message>
        <source>Saving the setting…</source>
        <translation>Enregistrement du paramètre…</translation>
    </message>
    <message>
        <source>Idle sessions now lock after {minutes} minute(s).</source>
        <translation>Les sessions inactives se verrouillent désormais après {minutes} minute(s).</translation>
    </message>
    <message>
        <source>New recovery sheet</source>
        <translation>Nouvelle fiche de récupération</translation>
    </message>
    <message>
        <source>Issue a new recovery sheet?</source>
        <translation>Émettre une nouvelle fiche de récupération ?</translation>
    </message>
    <message>
        <source>A new recovery code is created and shown once, to be printed. The code of the current sheet stops working at once: destroy the old sheet. A copy of the key file made earlier still answers to the old code: if such a copy may exist, also change the database key.</source>
        <translation>Un nouveau code de récupération est créé et affiché une seule fois, pour être imprimé. Le code de la fiche actuelle cesse de fonctionner aussitôt : détruisez l'ancienne fiche. Une copie du fichier de clés faite auparavant répond encore à l'ancien code : si une telle copie peut exister, changez aussi la clé de la base.</translation>
    </message>
    <message>
        <source>Issue a new sheet</source>
        <translation>Émettre une nouvelle fiche</translation>
    </message>
    <message>
        <source>Creating a new recovery code…</source>
        <translation>Création d'un nouveau code de récupération…</translation>
    </message>
    <message>
        <source>New recovery sheet issued: the previous code no longer works.</source>
        <translation>Nouvelle fiche de récupération émise : l'ancien code ne fonctionne plus.</translation>
    </message>
    <message>
        <source>Re-key the database</source>
        <translation>Changer la clé de la base</translation>
    </message>
    <message>
        <source>Re-key the database now?</source>
        <translation>Changer la clé de la base maintenant ?</translation>
    </message>
    <message>
        <source>Use this when a copy of the database files or a password may have been seen (suspected compromise). The database is encrypted again with a new key for every current account and the recovery code: a copy of the key file taken before no longer opens it.

Every other open session (other workstations, other users of this computer) must be closed first; this may take a moment.</source>
        <translation>À utiliser si une copie des fichiers de la base ou un mot de passe a pu être vu (compromission suspectée). La base est rechiffrée avec une nouvelle clé pour tous les comptes actuels et le code de récupération : une copie du fichier de clés prise auparavant ne l'ouvre plus.

Toutes les autres sessions ouvertes (autres postes, autres utilisateurs de cet ordinateur) doivent être fermées d'abord ; l'opération peut prendre un moment.</translation>
    </message>
    <message>
        <source>Re-key now</source>
        <translation>Changer la clé maintenant</translation>
    </message>
    <message>
        <source>Re-keying the database…</source>
        <translation>Changement de la clé de la base…</translation>
    </message>
    <message>
        <source>The database has been re-keyed: an older copy of its key file no longer opens it.</source>
        <translation>La base a changé de clé : une ancienne copie de son fichier de clés ne l'ouvre plus.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share the file of {patient}</source>
        <translation>Partager le dossier de {patient}</translation>
    </message>
    <message>
        <source>Choose a practitioner or a genetic counsellor, of any structure. They will see this file in their list, marked as shared with them, and be told at their next login.</source>
        <translation>Choisissez un praticien ou un conseiller en génétique, de n'importe quelle structure. Le dossier apparaîtra dans sa liste, marqué comme partagé avec lui, et il en sera informé à sa prochaine connexion.</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Read: they may read the file, not change it</source>
        <translation>Lecture : il peut lire le dossier, sans le modifier</translation>
    </message>
    <message>
        <source>Read and write: they may also change the identity and the clinical forms</source>
        <translation>Lecture et écriture : il peut aussi modifier l'identité et les formulaires cliniques</translation>
    </message>
    <message>
        <source>Message to the recipient (optional):</source>
        <translation>Message au destinataire (facultatif) :</translation>
    </message>
    <message>
        <source>For example: for your opinion on the family</source>
        <translation>Par exemple : pour avis sur la famille</translation>
    </message>
    <message>
        <source>The message is shown to the recipient; it is not kept in the log.</source>
        <translation>Le message est montré au destinataire ; il n'est pas conservé dans le journal.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Sharing the file…</source>
        <translation>Partage du dossier…</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>Shared with</source>
        <translation>Partagé avec</translation>
    </message>
    <message>
        <source>This file is not shared: only you (and your secretaries) can open it.</source>
        <translation>Ce dossier n'est pas partagé : vous seul (et vos secrétaires) pouvez l'ouvrir.</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Partager…</translation>
    </message>
    <message>
        <source>Share this file with a practitioner or a genetic counsellor</source>
        <translation>Partager ce dossier avec un praticien ou un conseiller en génétique</translation>
    </message>
    <message>
        <source>Remove access</source>
        <translation>Retirer l'accès</translation>
    </message>
    <message>
        <source>Transfer the file…</source>
        <translation>Transférer le dossier…</translation>
    </message>
    <message>
        <source>Make another practitioner the owner of this file (a successor)</source>
        <translation>Confier ce dossier à un autre praticien, qui en devient responsable (un successeur)</translation>
    </message>
    <message>
        <source>Secretaries</source>
        <translation>Secrétaires</translation>
    </message>
    <message>
        <source>Owner: {name} ({details}). The owner decides who else has access.</source>
        <translation>Responsable du dossier : {name} ({details}). Le responsable décide qui d'autre y a accès.</translation>
    </message>
    <message>
        <source>These secretaries reach this file because they assist you or a recipient with read and write access: they see its identity, contacts, follow-up plan and appointments, never its clinical content.</source>
        <translation>Ces secrétaires accèdent à ce dossier parce qu'elles vous assistent, ou assistent un destinataire en lecture et écriture : elles voient son identité, ses coordonnées, son plan de suivi et ses rendez-vous, jamais son contenu clinique.</translation>
    </message>
    <message>
        <source>No secretary reaches this file.</source>
        <translation>Aucune secrétaire n'accède à ce dossier.</translation>
    </message>
    <message>
        <source>RPPS {number}</source>
        <translation>RPPS {number}</translation>
    </message>
    <message>
        <source>Change to read only</source>
        <translation>Passer en lecture seule</translation>
    </message>
    <message>
        <source>Change to read and write</source>
        <translation>Passer en lecture et écriture</translation>
    </message>
    <message>
        <source>Change the access of the selected recipient</source>
        <translation>Changer l'accès du destinataire choisi</translation>
    </message>
    <message>
        <source>{name} now has: {level}</source>
        <translation>Accès actuel de {name} : {level}</translation>
    </message>
    <message>
        <source>The file is shared with {name} ({level}).</source>
        <translation>Le dossier est partagé avec {name} ({level}).</translation>
    </message>
    <message>
        <source>Changing the access…</source>
        <translation>Modification de l'accès…</translation>
    </message>
    <message>
        <source>{name} now has: {level}.</source>
        <translation>{name} a désormais l'accès : {level}.</translation>
    </message>
    <message>
        <source>Remove the access of {name} to this file?</source>
        <translation>Retirer l'accès de {name} à ce dossier ?</translation>
    </message>
    <message>
        <source>The file disappears from their list at once. You can share it again later.</source>
        <translation>Le dossier disparaît aussitôt de sa liste. Vous pourrez le partager de nouveau plus tard.</translation>
    </message>
    <message>
        <source>Removing the access…</source>
        <translation>Retrait de l'accès…</translation>
    </message>
    <message>
        <source>{name} no longer has access to this file.</source>
        <translation>{name} n'a plus accès à ce dossier.</translation>
    </message>
    <message>
        <source>Save or undo your changes to this file before transferring it.</source>
        <translation>Enregistrez ou annulez vos modifications de ce dossier avant de le transférer.</translation>
    </message>
</context>
<context>
    <name>ShareTableModel</name>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} à {time}</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Shared on</source>
        <translation>Partagé le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>SharesTableModel</name>
    <message>
        <source>Read only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>Lecture et écriture</translation>
    </message>
    <message>
        <source>Patient</source>
        <extracomment>the ShareView of the row, for any column the patient id of the row (int), for any column folded text of the row, for accent-insensitive filtering</extracomment>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Born on</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Partagé avec</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Responsible practitioner</source>
        <translation>Praticien responsable</translation>
    </message>
</context>
<context>
    <name>SharesView</name>
    <message>
        <source>Sharing</source>
        <translation>Partages</translation>
    </message>
    <message>
        <source>Filter: patient, colleague, level, message…</source>
        <translation>Filtrer : patient, confrère, niveau, message…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Remove the access…</source>
        <translation>Retirer l'accès…</translation>
    </message>
    <message>
        <source>The colleague no longer sees this file (you may share it again later)</source>
        <translation>Le confrère ne verra plus ce dossier (vous pourrez le partager de nouveau plus tard)</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Loading the shares…</source>
        <translation>Chargement des partages…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln share(s) of your files</source>
        <translation>
            <numerusform>%Ln partage de vos dossiers</numerusform>
            <numerusform>%Ln partages de vos dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) shared with you</source>
        <translation>
            <numerusform>%Ln dossier partagé avec vous</numerusform>
            <numerusform>%Ln dossiers partagés avec vous</numerusform>
        </translation>
    </message>
    <message>
        <source>You have not shared any file. A file is shared from its “Sharing” tab.</source>
        <translation>Vous n'avez partagé aucun dossier. Un dossier se partage depuis son onglet « Partage ».</translation>
    </message>
    <message>
        <source>No file is shared with you.</source>
        <translation>Aucun dossier n'est partagé avec vous.</translation>
    </message>
    <message>
        <source>Shared by me</source>
        <translation>Partagés par moi</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Partagés avec moi</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown out of</source>
        <translation>
            <numerusform>%Ln affiché sur</numerusform>
            <numerusform>%Ln affichés sur</numerusform>
        </translation>
    </message>
    <message>
        <source>No share matches the filter.</source>
        <translation>Aucun partage ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Make read only</source>
        <translation>Passer en lecture seule</translation>
    </message>
    <message>
        <source>The colleague may read the file but no longer change it</source>
        <translation>Le confrère pourra lire le dossier, mais plus le modifier</translation>
    </message>
    <message>
        <source>Allow writing</source>
        <translation>Autoriser l'écriture</translation>
    </message>
    <message>
        <source>The colleague may change the file, not only read it</source>
        <translation>Le confrère pourra modifier le dossier, et non seulement le lire</translation>
    </message>
    <message>
        <source>The level of the share has been changed.</source>
        <translation>Le niveau du partage a été modifié.</translation>
    </message>
    <message>
        <source>Changing the level…</source>
        <translation>Modification du niveau…</translation>
    </message>
    <message>
        <source>Remove the access</source>
        <translation>Retirer l'accès</translation>
    </message>
    <message>
        <source>Remove the access of {colleague} to the file of {patient}?</source>
        <translation>Retirer l'accès de {colleague} au dossier de {patient} ?</translation>
    </message>
    <message>
        <source>{colleague} will no longer see this file, nor find it in a search. You may share it again later.</source>
        <translation>{colleague} ne verra plus ce dossier et ne le trouvera plus dans une recherche. Vous pourrez le partager de nouveau plus tard.</translation>
    </message>
    <message>
        <source>{colleague} no longer has access to the file of {patient}.</source>
        <translation>{colleague} n'a plus accès au dossier de {patient}.</translation>
    </message>
    <message>
        <source>Removing the access…</source>
        <translation>Retrait de l'accès…</translation>
    </message>
</context>
<context>
    <name>StructurePage</name>
    <message>
        <source>Your structure</source>
        <translation>Votre structure</translation>
    </message>
    <message>
        <source>The hospital or practice where the database is used (letters, reports).</source>
        <translation>L'établissement ou le cabinet où la base est utilisée (courriers, comptes rendus).</translation>
    </message>
    <message>
        <source>9 characters, e.g. 750712184</source>
        <translation>9 caractères, par ex. 750712184</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;FINESS number:</source>
        <translation>Numéro &amp;FINESS :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Check the information, then create the database.</source>
        <translation>Vérifiez les informations, puis créez la base.</translation>
    </message>
    <message>
        <source>&amp;Create the database</source>
        <translation>&amp;Créer la base</translation>
    </message>
    <message>
        <source>Database folder</source>
        <translation>Dossier de la base</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisée par</translation>
    </message>
    <message>
        <source>all users of this computer</source>
        <translation>tous les utilisateurs de cet ordinateur</translation>
    </message>
    <message>
        <source>me only</source>
        <translation>moi seul</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>FINESS</source>
        <translation>FINESS</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Linked to this computer</source>
        <translation>Lié à cet ordinateur</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Creating the encrypted database... This takes a few seconds.</source>
        <translation>Création de la base chiffrée… Cela prend quelques secondes.</translation>
    </message>
</context>
<context>
    <name>SummaryPreviewDialog</name>
    <message>
        <source>Patient summary</source>
        <translation>Synthèse du dossier</translation>
    </message>
    <message>
        <source>The summary of the saved file, shown from memory. Saving a copy or printing it is recorded in the event log.</source>
        <translation>La synthèse du dossier enregistré, affichée depuis la mémoire. L'enregistrement d'une copie et l'impression sont consignés dans le journal.</translation>
    </message>
    <message>
        <source>This file has unsaved entries: the summary shows the file as saved. Save it first for the summary to include them.</source>
        <translation>Ce dossier a des saisies non enregistrées : la synthèse montre le dossier tel qu'il est enregistré. Enregistrez-le d'abord pour qu'elle les reprenne.</translation>
    </message>
    <message>
        <source>Printing is not available on this installation: save a copy and print it from a PDF reader.</source>
        <translation>L'impression n'est pas disponible sur cette installation : enregistrez une copie et imprimez-la depuis un lecteur PDF.</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Making the summary…</source>
        <translation>Préparation de la synthèse…</translation>
    </message>
    <message>
        <source>Save a copy of the summary</source>
        <translation>Enregistrer une copie de la synthèse</translation>
    </message>
    <message>
        <source>Saving the summary…</source>
        <translation>Enregistrement de la synthèse…</translation>
    </message>
    <message>
        <source>Copy saved: {path}</source>
        <translation>Copie enregistrée : {path}</translation>
    </message>
    <message>
        <source>Printing the summary…</source>
        <translation>Impression de la synthèse…</translation>
    </message>
    <message>
        <source>The summary could not be printed: {reason}.</source>
        <translation>La synthèse n'a pas pu être imprimée : {reason}.</translation>
    </message>
    <message>
        <source>Summary sent to the printer (pages: {count}).</source>
        <translation>Synthèse envoyée à l'imprimante (pages : {count}).</translation>
    </message>
</context>
<context>
    <name>SurgeryTableModel</name>
    <message>
        <source>Surgery</source>
        <translation>Chirurgie</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Age or date</source>
        <translation>Âge ou date</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>OISO Desktop</source>
        <extracomment>label of the most recent running task ("" when idle), for the status bar every failure, handled or not (useful for logging and tests) the session's account was suspended or revoked meanwhile (SessionEnded): the main window logs out; the task's own callbacks are not called</extracomment>
        <translation>OISO Desktop</translation>
    </message>
</context>
<context>
    <name>TestTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer the file of {patient}</source>
        <translation>Transférer le dossier de {patient}</translation>
    </message>
    <message>
        <source>Choose the practitioner who takes over this file (a successor). They become its owner; the other shares stay.</source>
        <translation>Choisissez le praticien qui reprend ce dossier (un successeur). Il en devient responsable ; les autres partages sont conservés.</translation>
    </message>
    <message>
        <source>After the transfer you no longer have any access to this file, unless the new owner shares it with you. Its window closes.</source>
        <translation>Après le transfert, vous n'avez plus aucun accès à ce dossier, sauf si le nouveau responsable vous le partage. Sa fenêtre se ferme.</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transférer…</translation>
    </message>
    <message>
        <source>Transfer the file</source>
        <translation>Transférer le dossier</translation>
    </message>
    <message>
        <source>Transfer the file of {patient} to {name}?</source>
        <translation>Transférer le dossier de {patient} à {name} ?</translation>
    </message>
    <message>
        <source>{name} becomes its owner. You will no longer see this file unless they share it with you. The transfer is logged.</source>
        <translation>{name} en devient responsable. Vous ne verrez plus ce dossier, sauf s'il vous le partage. Le transfert est enregistré dans le journal.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Transferring the file…</source>
        <translation>Transfert du dossier…</translation>
    </message>
</context>
<context>
    <name>TransferFilesDialog</name>
    <message>
        <source>Transfer the files of a departed user</source>
        <extracomment>the owner's files were counted (tests) the successor search answered (tests)</extracomment>
        <translation>Transférer les dossiers d'un utilisateur parti</translation>
    </message>
    <message>
        <source>Counting the files…</source>
        <translation>Décompte des dossiers…</translation>
    </message>
    <message>
        <source>The successor becomes the owner of every one of these files; {name} keeps no access. Their secretaries follow the files: the successor's secretaries see them, the former ones no longer do. Each file's transfer is recorded in the event log.</source>
        <translation>Le successeur devient le responsable de chacun de ces dossiers ; {name} n'y garde aucun accès. Les secrétaires suivent les dossiers : celles du successeur les voient, les précédentes ne les voient plus. Le transfert de chaque dossier est enregistré dans le journal.</translation>
    </message>
    <message>
        <source>Successor (an active practitioner):</source>
        <translation>Successeur (un praticien actif) :</translation>
    </message>
    <message>
        <source>Search: name, RPPS, structure…</source>
        <translation>Rechercher : nom, RPPS, structure…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transférer…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to transfer.</source>
        <translation>
            <numerusform>%n dossier à transférer.</numerusform>
            <numerusform>%n dossiers à transférer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transfer %n file(s)?</source>
        <translation>
            <numerusform>Transférer %n dossier ?</numerusform>
            <numerusform>Transférer %n dossiers ?</numerusform>
        </translation>
    </message>
    <message>
        <source>The files of {owner} go to {successor}, who becomes their owner. {owner} will have no access to them any more, and neither will their secretaries.</source>
        <translation>Les dossiers de {owner} passent à {successor}, qui en devient responsable. {owner} n'y aura plus accès, ses secrétaires non plus.</translation>
    </message>
    <message>
        <source>{name} owns no file: there is nothing to transfer.</source>
        <translation>{name} ne possède aucun dossier : il n'y a rien à transférer.</translation>
    </message>
    <message>
        <source>RPPS {rpps}</source>
        <translation>RPPS {rpps}</translation>
    </message>
    <message>
        <source>No active practitioner matches this search.</source>
        <translation>Aucun praticien actif ne correspond à cette recherche.</translation>
    </message>
    <message>
        <source>Transfer the files</source>
        <translation>Transférer les dossiers</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Transferring the files…</source>
        <translation>Transfert des dossiers…</translation>
    </message>
</context>
<context>
    <name>UserAdminView</name>
    <message>
        <source>User accounts</source>
        <translation>Comptes utilisateurs</translation>
    </message>
    <message>
        <source>Filter: login, name, role, RPPS, structure…</source>
        <translation>Filtrer : identifiant, nom, rôle, RPPS, structure…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Delete the account…</source>
        <translation>Supprimer le compte…</translation>
    </message>
    <message>
        <source>Finish the revocation</source>
        <translation>Terminer la révocation</translation>
    </message>
    <message>
        <source>Loading the accounts…</source>
        <translation>Chargement des comptes…</translation>
    </message>
    <message numerus="yes">
        <source>%n archived file(s) of departed users: hidden from everyone, deleted for good one year after their archiving.</source>
        <translation>
            <numerusform>%n dossier archivé d'utilisateurs partis : caché de tous, supprimé définitivement un an après son archivage.</numerusform>
            <numerusform>%n dossiers archivés d'utilisateurs partis : cachés de tous, supprimés définitivement un an après leur archivage.</numerusform>
        </translation>
    </message>
    <message>
        <source>No archived file of departed users.</source>
        <translation>Aucun dossier archivé d'utilisateurs partis.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} accounts</source>
        <translation>{shown} comptes sur {total}</translation>
    </message>
    <message>
        <source>Account {login} created.</source>
        <translation>Compte {login} créé.</translation>
    </message>
    <message>
        <source>Account {login} saved.</source>
        <translation>Compte {login} enregistré.</translation>
    </message>
    <message>
        <source>Account revoked. The database key will be changed as soon as the other open sessions are closed.</source>
        <translation>Compte révoqué. La clé de la base sera changée dès que les autres sessions ouvertes seront fermées.</translation>
    </message>
    <message>
        <source>Revocation pending ({logins}): the database key will be changed as soon as no other session of OISO Desktop has the database open. Until then, a copy of the old key file could still open it.</source>
        <translation>Révocation en attente ({logins}) : la clé de la base sera changée dès qu'aucune autre session d'OISO Desktop n'aura la base ouverte. D'ici là, une copie de l'ancien fichier de clés pourrait encore l'ouvrir.</translation>
    </message>
    <message>
        <source>Changing the database key…</source>
        <translation>Changement de la clé de la base…</translation>
    </message>
    <message>
        <source>Revocation finished: the database key has been changed.</source>
        <translation>Révocation terminée : la clé de la base a été changée.</translation>
    </message>
    <message>
        <source>No revocation is pending.</source>
        <translation>Aucune révocation n'est en attente.</translation>
    </message>
    <message>
        <source>Suspend an account</source>
        <translation>Suspendre un compte</translation>
    </message>
    <message>
        <source>Suspend the account {login} ({name})?</source>
        <translation>Suspendre le compte {login} ({name}) ?</translation>
    </message>
    <message>
        <source>The user will no longer be able to log in until the account is reactivated. Their patient files stay as they are.</source>
        <translation>L'utilisateur ne pourra plus se connecter jusqu'à la réactivation du compte. Ses dossiers patients restent inchangés.</translation>
    </message>
    <message>
        <source>Account {login} suspended.</source>
        <translation>Compte {login} suspendu.</translation>
    </message>
    <message>
        <source>Suspending the account…</source>
        <translation>Suspension du compte…</translation>
    </message>
    <message>
        <source>Account {login} reactivated.</source>
        <translation>Compte {login} réactivé.</translation>
    </message>
    <message>
        <source>Reactivating the account…</source>
        <translation>Réactivation du compte…</translation>
    </message>
    <message>
        <source>Revoke an account</source>
        <translation>Révoquer un compte</translation>
    </message>
    <message>
        <source>Revoke the account {login} ({name}) for good?</source>
        <translation>Révoquer définitivement le compte {login} ({name}) ?</translation>
    </message>
    <message>
        <source>The database will be re-keyed: it is encrypted again with a new key and this account's key is removed, so its password can no longer open the database. This may take a moment and cannot be undone. The user's identity is kept for traceability.</source>
        <translation>La base sera rechiffrée : elle est chiffrée à nouveau avec une nouvelle clé et la clé de ce compte est supprimée, si bien que son mot de passe ne peut plus ouvrir la base. Cela peut prendre un moment et est irréversible. L'identité de l'utilisateur est conservée pour la traçabilité.</translation>
    </message>
    <message>
        <source>Revoke and re-key</source>
        <translation>Révoquer et rechiffrer</translation>
    </message>
    <message>
        <source>Account {login} revoked; the database has been re-keyed.</source>
        <translation>Compte {login} révoqué ; la base a été rechiffrée.</translation>
    </message>
    <message>
        <source>Revoking the account and re-keying the database…</source>
        <translation>Révocation du compte et rechiffrement de la base…</translation>
    </message>
    <message>
        <source>Counting the account's files…</source>
        <translation>Décompte des dossiers du compte…</translation>
    </message>
    <message numerus="yes">
        <source>%n patient file(s) shared with nobody will be deleted at once and for good, with their attachments, forms, follow-up and appointments.</source>
        <translation>
            <numerusform>%n dossier patient partagé avec personne sera supprimé tout de suite et définitivement, avec ses pièces jointes, formulaires, suivi et rendez-vous.</numerusform>
            <numerusform>%n dossiers patients partagés avec personne seront supprimés tout de suite et définitivement, avec leurs pièces jointes, formulaires, suivi et rendez-vous.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared file(s) stay with those they are shared with.</source>
        <translation>
            <numerusform>%n dossier partagé reste à ceux avec qui il est partagé.</numerusform>
            <numerusform>%n dossiers partagés restent à ceux avec qui ils sont partagés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restricted at the patient's request are archived, not deleted, for as long as the restriction lasts.</source>
        <translation>
            <numerusform>%n dossier restreint à la demande du patient sera archivé, et non supprimé, tant que durera la restriction.</numerusform>
            <numerusform>%n dossiers restreints à la demande des patients seront archivés, et non supprimés, tant que durera la restriction.</numerusform>
        </translation>
    </message>
    <message>
        <source>The account's contact details are erased; its login and name stay in the event log for traceability. This cannot be undone.</source>
        <translation>Les coordonnées du compte sont effacées ; son identifiant et son nom restent dans le journal pour la traçabilité. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete an account</source>
        <translation>Supprimer un compte</translation>
    </message>
    <message>
        <source>Delete the account {login} ({name}) on request?</source>
        <translation>Supprimer le compte {login} ({name}) à sa demande ?</translation>
    </message>
    <message numerus="yes">
        <source>Delete the account and %n file(s)</source>
        <translation>
            <numerusform>Supprimer le compte et %n dossier</numerusform>
            <numerusform>Supprimer le compte et %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Account {login} deleted.</source>
        <translation>Compte {login} supprimé.</translation>
    </message>
    <message>
        <source>Deleting the account…</source>
        <translation>Suppression du compte…</translation>
    </message>
    <message>
        <source>Also re-key the database (suspected compromise)</source>
        <translation>Changer aussi la clé de la base (compromission suspectée)</translation>
    </message>
    <message>
        <source>A copy of the key file taken before will no longer open the database. Every other open session must be closed first.</source>
        <translation>Une copie du fichier de clés prise auparavant n'ouvrira plus la base. Toutes les autres sessions ouvertes doivent être fermées d'abord.</translation>
    </message>
    <message>
        <source>Resetting the password…</source>
        <translation>Réinitialisation du mot de passe…</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>Réinitialiser un mot de passe</translation>
    </message>
    <message>
        <source>Reset the password of {login} ({name})?</source>
        <translation>Réinitialiser le mot de passe de {login} ({name}) ?</translation>
    </message>
    <message>
        <source>A temporary password will be shown once; the user will have to change it at their first login. Their current password stops working at once.</source>
        <translation>Un mot de passe provisoire sera affiché une seule fois ; l'utilisateur devra le changer à sa première connexion. Son mot de passe actuel cesse aussitôt de fonctionner.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Password of {login} reset.</source>
        <translation>Mot de passe de {login} réinitialisé.</translation>
    </message>
    <message>
        <source>Transfer their files…</source>
        <translation>Transférer ses dossiers…</translation>
    </message>
    <message>
        <source>Files of {name} transferred to {successor}.</source>
        <translation>Dossiers de {name} transférés à {successor}.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed hands.</source>
        <translation>
            <numerusform>%n dossier a changé de responsable.</numerusform>
            <numerusform>%n dossiers ont changé de responsable.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Practitioner (physician)</source>
        <translation>Praticien (médecin)</translation>
    </message>
    <message>
        <source>Genetic counsellor</source>
        <translation>Conseiller(ère) en génétique</translation>
    </message>
    <message>
        <source>Medical secretary</source>
        <translation>Secrétaire médicale</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>New user account</source>
        <translation>Nouveau compte utilisateur</translation>
    </message>
    <message>
        <source>User account — {login}</source>
        <translation>Compte utilisateur — {login}</translation>
    </message>
    <message>
        <source>The login cannot be changed.</source>
        <translation>L'identifiant ne peut pas être modifié.</translation>
    </message>
    <message>
        <source>{name} — FINESS {finess}</source>
        <translation>{name} — FINESS {finess}</translation>
    </message>
    <message>
        <source>The login is required.</source>
        <translation>L'identifiant est obligatoire.</translation>
    </message>
    <message>
        <source>The first name is required.</source>
        <translation>Le prénom est obligatoire.</translation>
    </message>
    <message>
        <source>The last name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>A health professional needs an RPPS or an ADELI number.</source>
        <translation>Un professionnel de santé doit avoir un numéro RPPS ou ADELI.</translation>
    </message>
    <message>
        <source>Luhn key mismatch confirmed by you.</source>
        <translation>Clé de contrôle incorrecte confirmée par vous.</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Création du compte…</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>Enregistrement du compte…</translation>
    </message>
    <message>
        <source>This account was changed by someone else meanwhile. Your entries are kept: saving again will replace their changes.</source>
        <translation>Ce compte a été modifié entre-temps par quelqu'un d'autre. Vos saisies sont conservées : enregistrer à nouveau remplacera ses modifications.</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>Compte utilisateur</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Login *</source>
        <translation>Identifiant *</translation>
    </message>
    <message>
        <source>e.g. jdupont</source>
        <translation>par ex. jdupont</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>Prénom *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Nom *</translation>
    </message>
    <message>
        <source>Role *</source>
        <translation>Rôle *</translation>
    </message>
    <message>
        <source>Professional e-mail</source>
        <translation>Courriel professionnel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Professional identity</source>
        <translation>Identité professionnelle</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>e.g. Médecin</source>
        <translation>par ex. Médecin</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Spécialité</translation>
    </message>
    <message>
        <source>e.g. Génétique médicale</source>
        <translation>par ex. Génétique médicale</translation>
    </message>
    <message>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 chiffres</translation>
    </message>
    <message>
        <source>I confirm that this RPPS number is correct</source>
        <translation>Je confirme que ce numéro RPPS est exact</translation>
    </message>
    <message>
        <source>ADELI</source>
        <translation>ADELI</translation>
    </message>
    <message>
        <source>9 digits</source>
        <translation>9 chiffres</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Practitioners assisted</source>
        <translation>Praticiens assistés</translation>
    </message>
    <message>
        <source>Tick the practitioners whose patient files this secretary manages.</source>
        <translation>Cochez les praticiens dont cette secrétaire gère les dossiers patients.</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>RPPS / ADELI</source>
        <translation>RPPS / ADELI</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>RPPS {number}</source>
        <translation>RPPS {number}</translation>
    </message>
    <message>
        <source>ADELI {number}</source>
        <translation>ADELI {number}</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
</context>
<context>
    <name>VariantTableModel</name>
    <message>
        <source>Positive result (class 4 or 5)</source>
        <translation>Résultat positif (classe 4 ou 5)</translation>
    </message>
    <message>
        <source>Uncertain significance: never a positive result</source>
        <translation>Signification incertaine : jamais un résultat positif</translation>
    </message>
    <message>
        <source>Gene</source>
        <translation>Gène</translation>
    </message>
    <message>
        <source>c.</source>
        <translation>c.</translation>
    </message>
    <message>
        <source>p.</source>
        <translation>p.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
</context>
<context>
    <name>WeekCalendarView</name>
    <message>
        <source>By practitioner</source>
        <translation>Par praticien</translation>
    </message>
    <message>
        <source>By place</source>
        <translation>Par lieu</translation>
    </message>
    <message>
        <source>Place (e.g. Radiologie, site Nord)</source>
        <translation>Lieu (par ex. Radiologie, site Nord)</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Semaine précédente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Semaine suivante ▶</translation>
    </message>
    <message>
        <source>Week of {first} to {last}</source>
        <translation>Semaine du {first} au {last}</translation>
    </message>
    <message>
        <source>Type or choose a place.</source>
        <translation>Saisissez ou choisissez un lieu.</translation>
    </message>
    <message>
        <source>Reading the calendar…</source>
        <translation>Lecture du calendrier…</translation>
    </message>
    <message>
        <source>{start} to {end}, {place}</source>
        <translation>{start} à {end}, {place}</translation>
    </message>
    <message>
        <source>With {name}</source>
        <translation>Avec {name}</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Taken by an appointment of another file ({place})</source>
        <translation>Pris par un rendez-vous d'un autre dossier ({place})</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) this week.</source>
        <translation>
            <numerusform>%n rendez-vous cette semaine.</numerusform>
            <numerusform>%n rendez-vous cette semaine.</numerusform>
        </translation>
    </message>
    <message>
        <source>No appointment this week.</source>
        <translation>Aucun rendez-vous cette semaine.</translation>
    </message>
    <message numerus="yes">
        <source>%n in conflict (red border).</source>
        <translation>
            <numerusform>%n en conflit (bordure rouge).</numerusform>
            <numerusform>%n en conflit (bordure rouge).</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Mark as missed</source>
        <translation>Marquer comme manqué</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reprogrammer…</translation>
    </message>
    <message>
        <source>Cancel the appointment…</source>
        <translation>Annuler le rendez-vous…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Confirming the appointment…</source>
        <translation>Confirmation du rendez-vous…</translation>
    </message>
    <message>
        <source>Recording the missed appointment…</source>
        <translation>Enregistrement du rendez-vous manqué…</translation>
    </message>
    <message>
        <source>Cancelling the appointment…</source>
        <translation>Annulation du rendez-vous…</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
        <source>Cancel the appointment of {name} on {date}?</source>
        <translation>Annuler le rendez-vous de {name} le {date} ?</translation>
    </message>
    <message>
        <source>The appointment stays in the file's history as cancelled.</source>
        <translation>Le rendez-vous reste dans l'historique du dossier, comme annulé.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to OISO Desktop</source>
        <translation>Bienvenue dans OISO Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;No OISO database was found on this computer.&lt;/p&gt;&lt;p&gt;This assistant creates an &lt;b&gt;encrypted&lt;/b&gt; database, records your structure and creates the &lt;b&gt;administrator&lt;/b&gt; account, who will then create the accounts of the other users.&lt;/p&gt;&lt;p&gt;At the end, a &lt;b&gt;recovery code&lt;/b&gt; is shown once: it restores access if every administrator password is lost. Keep a printer or a USB key at hand to save it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucune base OISO n'a été trouvée sur cet ordinateur.&lt;/p&gt;&lt;p&gt;Cet assistant crée une base &lt;b&gt;chiffrée&lt;/b&gt;, enregistre votre structure et crée le compte &lt;b&gt;administrateur&lt;/b&gt;, qui créera ensuite les comptes des autres utilisateurs.&lt;/p&gt;&lt;p&gt;À la fin, un &lt;b&gt;code de récupération&lt;/b&gt; est affiché une seule fois : il rétablit l'accès si tous les mots de passe administrateur sont perdus. Gardez une imprimante ou une clé USB à portée de main pour le conserver.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <source>appointment on {date}</source>
        <translation>RDV le {date}</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non programmé</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Born on</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Last done</source>
        <translation>Dernier examen</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>No exam for more than two intervals: lost to follow-up</source>
        <extracomment>the service's sort key of each column (the status follows the due date) the plan item id of the row (int), for any column, loaded or not the WorklistRow (None while not loaded), for any column the patient id (None while not loaded), for any column True for a row lost to follow-up a header was clicked: (service sort key, descending)</extracomment>
        <translation>Aucun examen depuis plus de deux intervalles : perdu de vue</translation>
    </message>
    <message>
        <source>No longer in this list</source>
        <translation>Ne figure plus dans cette liste</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Due within:</source>
        <extracomment>the lists, in the order of their tabs</extracomment>
        <translation>Échéance sous :</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>The “due” list holds the exams due within this many weeks</source>
        <translation>La liste « à échéance » contient les examens prévus dans ce nombre de semaines</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Tous les praticiens</translation>
    </message>
    <message>
        <source>All exams</source>
        <translation>Tous les examens</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>Practitioner:</source>
        <translation>Praticien :</translation>
    </message>
    <message>
        <source>Exam:</source>
        <translation>Examen :</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site :</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Book an appointment…</source>
        <translation>Prendre rendez-vous…</translation>
    </message>
    <message>
        <source>Convocations…</source>
        <translation>Convocations…</translation>
    </message>
    <message>
        <source>Convocation letters for the appointments to come of the selected rows</source>
        <translation>Lettres de convocation pour les rendez-vous à venir des lignes sélectionnées</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>Relances…</translation>
    </message>
    <message>
        <source>Letters asking the selected patients to make an appointment</source>
        <translation>Lettres demandant aux patients sélectionnés de prendre rendez-vous</translation>
    </message>
    <message>
        <source>Export as ICS…</source>
        <translation>Exporter en ICS…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Computing the list…</source>
        <translation>Calcul de la liste…</translation>
    </message>
    <message>
        <source>Computing the follow-up list…</source>
        <translation>Calcul de la liste de suivi…</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n week(s)</source>
        <translation>
            <numerusform>À échéance sous %n semaine</numerusform>
            <numerusform>À échéance sous %n semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>No exam in this list</source>
        <translation>Aucun examen dans cette liste</translation>
    </message>
    <message numerus="yes">
        <source>%Ln exam(s) to follow up</source>
        <translation>
            <numerusform>%Ln examen à suivre</numerusform>
            <numerusform>%Ln examens à suivre</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding the appointments…</source>
        <translation>Recherche des rendez-vous…</translation>
    </message>
    <message>
        <source>None of the selected rows has an appointment to come: book one first, or send reminders.</source>
        <translation>Aucune des lignes sélectionnées n'a de rendez-vous à venir : prenez d'abord rendez-vous, ou envoyez des relances.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>None of the selected rows has an appointment to come.</source>
        <translation>Aucune des lignes sélectionnées n'a de rendez-vous à venir.</translation>
    </message>
    <message>
        <source>Export as ICS</source>
        <translation>Exporter en ICS</translation>
    </message>
    <message numerus="yes">
        <source>Export %n appointment(s) to a calendar file (ICS)?</source>
        <translation>
            <numerusform>Exporter %n rendez-vous dans un fichier de calendrier (ICS) ?</numerusform>
            <numerusform>Exporter %n rendez-vous dans un fichier de calendrier (ICS) ?</numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds, for each appointment, only “Rendez-vous” with the exam, the place, the start and the end: no name, no diagnosis, no gene. The export is recorded in the event log.</source>
        <translation>Le fichier contient, pour chaque rendez-vous, seulement « Rendez-vous » avec l'examen, le lieu, le début et la fin : aucun nom, aucun diagnostic, aucun gène. L'export est inscrit au journal.</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Choisir le fichier…</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers de calendrier (*.ics)</translation>
    </message>
    <message>
        <source>Exporting the appointments…</source>
        <translation>Export des rendez-vous…</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) exported.</source>
        <translation>
            <numerusform>%n rendez-vous exporté.</numerusform>
            <numerusform>%n rendez-vous exportés.</numerusform>
        </translation>
    </message>
</context>
</TS>
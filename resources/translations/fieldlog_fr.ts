<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>BlurDialog</name>
    <message>
        <location filename="../../fieldlog/gui/blur_dialog.py" line="64" />
        <source>Shareable copy</source>
        <translation>Copie partageable</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/blur_dialog.py" line="67" />
        <source>Photo: drag to mark areas to blur</source>
        <translation>Photo : faites glisser pour marquer les zones à flouter</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/blur_dialog.py" line="70" />
        <source>Drag over faces, bystanders or anything that identifies someone. The copy keeps no metadata (no time, place or device).</source>
        <translation>Faites glisser sur les visages, les passants ou tout ce qui permet d'identifier quelqu'un. La copie ne garde aucune métadonnée (ni heure, ni lieu, ni appareil).</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/blur_dialog.py" line="75" />
        <source>&amp;Undo last rectangle</source>
        <translation>&amp;Annuler le dernier rectangle</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="106" />
        <source>FieldLog — create your vault</source>
        <translation>FieldLog — créer votre coffre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="112" />
        <source>Everything you record is kept encrypted in a vault on this laptop. Choose a passphrase: several words you will remember, that nobody could guess.</source>
        <translation>Tout ce que vous enregistrez est chiffré dans un coffre sur cet ordinateur. Choisissez une phrase de passe : plusieurs mots dont vous vous souviendrez et que personne ne pourrait deviner.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="117" />
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="118" />
        <source>Passphrase again</source>
        <translation>Phrase de passe, à nouveau</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="120" />
        <source>Passphrase strength</source>
        <translation>Solidité de la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="121" />
        <source>&amp;Create vault</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="125" />
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase de passe</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="126" />
        <source>&amp;Again</source>
        <translation>&amp;Confirmation</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="130" />
        <source>Vault: %1</source>
        <translation>Coffre : %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="138" />
        <source>This recovery code opens the vault if the passphrase is lost. Write it on paper now and keep it away from this laptop. It is shown only once.</source>
        <translation>Ce code de secours ouvre le coffre si la phrase de passe est perdue. Notez-le maintenant sur papier et gardez-le loin de cet ordinateur. Il n'est affiché qu'une seule fois.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="144" />
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="150" />
        <source>I have &amp;written it down</source>
        <translation>Je l'ai &amp;noté</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="151" />
        <source>&amp;Start</source>
        <translation>&amp;Commencer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/unlock.py" line="177" />
        <source>Too short: at least %n characters.</source>
        <translation><numerusform>Trop courte : au moins %n caractère.</numerusform><numerusform>Trop courte : au moins %n caractères.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="178" />
        <source>Weak: add more words.</source>
        <translation>Faible : ajoutez des mots.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="179" />
        <source>Fair: another word or two would help.</source>
        <translation>Moyenne : un ou deux mots de plus aideraient.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="180" />
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="189" />
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="197" />
        <source>Creating the vault… (measuring this laptop's speed)</source>
        <translation>Création du coffre… (mesure de la vitesse de cet ordinateur)</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="12" />
        <source>History of the incident</source>
        <translation>Historique de l'incident</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="13" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="13" />
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="13" />
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="21" />
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="22" />
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="23" />
        <source>Received in a bundle</source>
        <translation>Reçu dans un paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="24" />
        <source>Changed by a bundle (merged)</source>
        <translation>Modifié par un paquet (fusion)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="25" />
        <source>Shared in a bundle, filtered by consent</source>
        <translation>Partagé dans un paquet, filtré selon le consentement</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="25" />
        <source>Photo, video or recording attached</source>
        <translation>Photo, vidéo ou enregistrement joint</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="26" />
        <source>Shareable copy made (metadata removed)</source>
        <translation>Copie partageable faite (métadonnées retirées)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="27" />
        <source>Photo, video or recording received in a bundle</source>
        <translation>Photo, vidéo ou enregistrement reçu dans un paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="22" />
        <source>Revisions</source>
        <translation>Révisions</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="29" />
        <source>Revision %1: %2</source>
        <translation>Révision %1 : %2</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/history_view.py" line="36" />
        <source>Custody log (signed)</source>
        <translation>Journal de traçabilité (signé)</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="560" />
        <source>The incident changed since these changes were typed; what changed is merged with them. Check, then save them or discard them.</source>
        <translation>L'incident a changé depuis que ces modifications ont été saisies ; ce qui a changé est fusionné avec elles. Vérifiez, puis enregistrez-les ou abandonnez-les.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="102" />
        <source>&amp;Discard changes</source>
        <translation>&amp;Abandonner les modifications</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="104" />
        <source>Forget the unsaved changes and show the incident as it was saved</source>
        <translation>Oublier les modifications non enregistrées et afficher l'incident tel qu'il a été enregistré</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="520" />
        <source>Unsaved changes put back from a draft: save them, or discard them.</source>
        <translation>Modifications non enregistrées reprises d'un brouillon : enregistrez-les, ou abandonnez-les.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="78" />
        <source>&amp;Incident</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="80" />
        <source>&amp;Testimonies</source>
        <translation>&amp;Témoignages</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="85" />
        <source>Officers</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="87" />
        <source>Vehicles</source>
        <translation>Véhicules</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="91" />
        <source>&amp;Officers and vehicles</source>
        <translation>&amp;Agents et véhicules</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="93" />
        <source>&amp;Media</source>
        <translation>&amp;Médias</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="95" />
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="97" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="126" />
        <source>Date and time of the incident</source>
        <translation>Date et heure de l'incident</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="130" />
        <source>UTC offset</source>
        <translation>Décalage UTC</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="131" />
        <source>Precision of the time</source>
        <translation>Précision de l'heure</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="136" />
        <source>&amp;When</source>
        <translation>&amp;Quand</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="139" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="141" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="142" />
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="144" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="145" />
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="150" />
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="153" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="154" />
        <source>T&amp;itle</source>
        <translation>T&amp;itre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="155" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="156" />
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="161" />
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="165" />
        <source>Perpetrators</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="168" />
        <source>Language of the description</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="169" />
        <source>e.g. en, fr, ar</source>
        <translation>ex. fr, en, ar</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="172" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="173" />
        <source>People affected</source>
        <translation>Personnes touchées</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="174" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="179" />
        <source>&amp;Language, people affected, status</source>
        <translation>&amp;Langue, personnes touchées, statut</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="182" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="182" />
        <source>Address (URL)</source>
        <translation>Adresse (URL)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="184" />
        <location filename="../../fieldlog/gui/incident_editor.py" line="197" />
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="186" />
        <source>Add source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="187" />
        <source>Remove source</source>
        <translation>Retirer la source</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="408" />
        <source>Saved. Earlier versions are kept in the history.</source>
        <translation>Enregistré. Les versions précédentes sont conservées dans l'historique.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="446" />
        <source>Give the place where it happened.</source>
        <translation>Indiquez le lieu où cela s'est passé.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="449" />
        <source>Latitude and longitude are numbers, like 50.9436.</source>
        <translation>La latitude et la longitude sont des nombres, comme 50.9436.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="451" />
        <source>Give the incident a title.</source>
        <translation>Donnez un titre à l'incident.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="455" />
        <source>Latitude is between -90 and 90, longitude between -180 and 180.</source>
        <translation>La latitude est comprise entre -90 et 90, la longitude entre -180 et 180.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="456" />
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Indiquez la latitude et la longitude, ou aucune des deux.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="466" />
        <source>Write the language as a code, such as fr, en, ar, ps or ti.</source>
        <translation>Écrivez la langue sous forme de code, par exemple fr, en, ar, ps ou ti.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="527" />
        <source>Write the offset from UTC as +02:00 or -05:30.</source>
        <translation>Écrivez le décalage par rapport à UTC sous la forme +02:00 ou -05:30.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_editor.py" line="453" />
        <source>Choose at least one category.</source>
        <translation>Choisissez au moins une catégorie.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../fieldlog/gui/incident_table.py" line="52" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_table.py" line="53" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_table.py" line="54" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/incident_table.py" line="55" />
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="85" />
        <source>Show &amp;all</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="86" />
        <source>Show every incident again, with the filters above</source>
        <translation>Afficher de nouveau tous les incidents, avec les filtres ci-dessus</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="37" />
        <source>FieldLog</source>
        <translation>FieldLog</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="41" />
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="53" />
        <source>Search incidents, testimonies, places, numbers…</source>
        <translation>Rechercher incidents, témoignages, lieux, matricules…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="54" />
        <location filename="../../fieldlog/gui/main_window.py" line="150" />
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="58" />
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="58" />
        <source>Until date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="63" />
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="66" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="68" />
        <source>All perpetrators</source>
        <translation>Tous les auteurs</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="71" />
        <source>Perpetrator</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="75" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="77" />
        <source>until</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="122" />
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="125" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="138" />
        <source>&amp;New incident</source>
        <translation>&amp;Nouvel incident</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="141" />
        <source>Record a new incident</source>
        <translation>Enregistrer un nouvel incident</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="144" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="147" />
        <source>Save the incident as a new revision</source>
        <translation>Enregistrer l'incident comme nouvelle révision</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="150" />
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="153" />
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="156" />
        <source>Lock the vault and clear the screen</source>
        <translation>Verrouiller le coffre et effacer l'écran</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="159" />
        <source>&amp;Hide now</source>
        <translation>&amp;Masquer tout de suite</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="162" />
        <source>Lock and hide the window at once</source>
        <translation>Verrouiller et masquer la fenêtre immédiatement</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="165" />
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="168" />
        <source>Language and automatic locking</source>
        <translation>Langue et verrouillage automatique</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="171" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="171" />
        <source>Quit FieldLog</source>
        <translation>Quitter FieldLog</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/main_window.py" line="209" />
        <source>%n incident(s) shown</source>
        <translation><numerusform>%n incident affiché</numerusform><numerusform>%n incidents affichés</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="210" />
        <source> — loading…</source>
        <translation> — chargement…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="180" />
        <source>Su&amp;mmaries…</source>
        <translation>&amp;Synthèses…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="183" />
        <source>Dated summaries and timelines to save as PDF, HTML, Markdown or CSV</source>
        <translation>Synthèses datées et chronologies à enregistrer en PDF, HTML, Markdown ou CSV</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="186" />
        <source>E&amp;xport for a legal team…</source>
        <translation>E&amp;xporter pour une équipe juridique…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="189" />
        <source>Write a signed, encrypted bundle for a legal team</source>
        <translation>Écrire un paquet signé et chiffré pour une équipe juridique</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="192" />
        <source>&amp;Import a bundle…</source>
        <translation>&amp;Importer un paquet…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="195" />
        <source>Check a bundle, then merge it into this vault</source>
        <translation>Vérifier un paquet, puis le fusionner dans ce coffre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="218" />
        <source>I&amp;dentifiers…</source>
        <translation>I&amp;dentifiants…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/main_window.py" line="221" />
        <source>Every officer number, plate and unit, and the incidents it appears in</source>
        <translation>Chaque numéro d'agent, plaque et unité, et les incidents où chacun apparaît</translation>
    </message>
</context>
<context>
    <name>IdentifiersView</name>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="41" />
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="44" />
        <source>Kind of identifier</source>
        <translation>Type d'identifiant</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="45" />
        <source>Officer numbers</source>
        <translation>Numéros des agents</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="45" />
        <source>Vehicle plates</source>
        <translation>Plaques des véhicules</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="45" />
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="49" />
        <source>Filter: part of a number, a plate or a unit</source>
        <translation>Filtrer : une partie d'un numéro, d'une plaque ou d'une unité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="50" />
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="67" />
        <source>&amp;Show incidents</source>
        <translation>&amp;Afficher les incidents</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="68" />
        <source>List the incidents of this entry in the main window</source>
        <translation>Lister les incidents de cette entrée dans la fenêtre principale</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="87" />
        <source>Reading the index…</source>
        <translation>Lecture de l'index…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="104" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="104" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="104" />
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="106" />
        <source>Plate</source>
        <translation>Plaque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="106" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="108" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="110" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/identifiers_view.py" line="111" />
        <source>Hidden or not worn</source>
        <translation>Cachés ou non portés</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="272" />
        <source>The incident now has the photo's time (the photo has no position).</source>
        <translation>L'incident a maintenant l'heure de la photo (la photo n'a pas de position).</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="274" />
        <source>The incident now has the photo's position (the photo has no time).</source>
        <translation>L'incident a maintenant la position de la photo (la photo n'a pas d'heure).</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="66" />
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="67" />
        <source>&amp;Attach files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="68" />
        <source>Use this photo's &amp;time and place</source>
        <translation>Reprendre l'&amp;heure et le lieu de la photo</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="69" />
        <source>Make a &amp;shareable copy…</source>
        <translation>Faire une copie &amp;partageable…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="72" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="75" />
        <location filename="../../fieldlog/gui/media_panel.py" line="133" />
        <source>Drop photos, videos, recordings or a folder here.</source>
        <translation>Déposez ici des photos, vidéos, enregistrements ou un dossier.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="83" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="84" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="85" />
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="86" />
        <source>Taken</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="87" />
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="88" />
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="89" />
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="135" />
        <source>Save the incident first, then attach files.</source>
        <translation>Enregistrez d'abord l'incident, puis joignez les fichiers.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/media_panel.py" line="170" />
        <source>%n byte(s)</source>
        <translation><numerusform>%n octet</numerusform><numerusform>%n octets</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="189" />
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="228" />
        <source>File %1 of %2</source>
        <translation>Fichier %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/media_panel.py" line="239" />
        <source>%n file(s) attached.</source>
        <translation><numerusform>%n fichier joint.</numerusform><numerusform>%n fichiers joints.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="245" />
        <source>Cancelled; the files attached before are kept.</source>
        <translation>Annulé ; les fichiers déjà joints sont conservés.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="268" />
        <source>The incident now has the photo's time and place.</source>
        <translation>L'incident a maintenant l'heure et le lieu de la photo.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/media_panel.py" line="295" />
        <source>Shareable copy made; the original is unchanged.</source>
        <translation>Copie partageable faite ; l'original est inchangé.</translation>
    </message>
</context>
<context>
    <name>OfficerEditor</name>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="265" />
        <source>Add officer</source>
        <translation>Ajouter un agent</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="265" />
        <source>Remove officer</source>
        <translation>Retirer l'agent</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="269" />
        <source>Officer identifier</source>
        <translation>Matricule de l'agent</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="271" />
        <source>RIO number, badge; partial is fine, e.g. 12?45</source>
        <translation>Numéro RIO, insigne ; partiel accepté, ex. 12?45</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="273" />
        <source>Kind of identifier</source>
        <translation>Type d'identifiant</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="275" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="276" />
        <source>e.g. CRS 8, BAC, PAF, gendarmerie</source>
        <translation>ex. CRS 8, BAC, PAF, gendarmerie</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="278" />
        <source>Visibility of the number</source>
        <translation>Visibilité du matricule</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="280" />
        <source>Description of the officer</source>
        <translation>Description de l'agent</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="282" />
        <source>&amp;Identifier</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="284" />
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="285" />
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="286" />
        <source>Number &amp;visibility</source>
        <translation>&amp;Visibilité du matricule</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="287" />
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../fieldlog/gui/app.py" line="102" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/app.py" line="103" />
        <source>A new language applies the next time FieldLog starts.</source>
        <translation>La nouvelle langue s'appliquera au prochain démarrage de FieldLog.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="11" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="13" />
        <source>Interface language</source>
        <translation>Langue de l'interface</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="15" />
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="23" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="25" />
        <source>Lock after this many idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d'inactivité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="32" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/settings_dialog.py" line="33" />
        <source>Lock after &amp;idle</source>
        <translation>Verrouiller après &amp;inactivité</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="139" />
        <source>Add testimony</source>
        <translation>Ajouter un témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="139" />
        <source>Remove testimony</source>
        <translation>Retirer le témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="143" />
        <source>Witness pseudonym</source>
        <translation>Pseudonyme du témoin</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="144" />
        <source>A pseudonym, never a full name</source>
        <translation>Un pseudonyme, jamais un nom complet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="145" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="147" />
        <source>Language of the testimony</source>
        <translation>Langue du témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="148" />
        <source>e.g. fr, ar, ps, ti</source>
        <translation>ex. fr, ar, ps, ti</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="149" />
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="152" />
        <source>Original text</source>
        <translation>Texte original</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="153" />
        <location filename="../../fieldlog/gui/child_lists.py" line="157" />
        <source>Translation</source>
        <translation>Traduction</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="156" />
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="165" />
        <source>&amp;Pseudonym</source>
        <translation>&amp;Pseudonyme</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="166" />
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="167" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="168" />
        <source>&amp;Consent</source>
        <translation>&amp;Consentement</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="199" />
        <source>(no pseudonym)</source>
        <translation>(sans pseudonyme)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="56" />
        <source>FieldLog — unlock</source>
        <translation>FieldLog — déverrouiller</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="57" />
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="58" />
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="61" />
        <source>Vault: %1</source>
        <translation>Coffre : %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="64" />
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase de passe</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="77" />
        <source>Type the passphrase.</source>
        <translation>Saisissez la phrase de passe.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/unlock.py" line="80" />
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="41" />
        <source>No such file or folder</source>
        <translation>Fichier ou dossier introuvable</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="42" />
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="43" />
        <source>Not permitted</source>
        <translation>Opération non permise</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="44" />
        <source>The disk is full</source>
        <translation>Le disque est plein</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="45" />
        <source>The disk quota is used up</source>
        <translation>Le quota du disque est épuisé</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="46" />
        <source>The disk is read-only</source>
        <translation>Le disque est en lecture seule</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="47" />
        <source>Is a folder, not a file</source>
        <translation>C'est un dossier, pas un fichier</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="48" />
        <source>Is not a plain file; choose another name</source>
        <translation>N'est pas un fichier ordinaire ; choisissez un autre nom</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="48" />
        <source>A part of the path is not a folder</source>
        <translation>Une partie du chemin n'est pas un dossier</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="49" />
        <source>The name is too long</source>
        <translation>Le nom est trop long</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="50" />
        <source>Input/output error (a damaged disk, or a drive taken out)</source>
        <translation>Erreur d'entrée-sortie (un disque endommagé, ou un support retiré)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="68" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/tasks.py" line="73" />
        <source>unexpected failure (%1); nothing was changed</source>
        <translation>échec inattendu (%1) ; rien n'a été modifié</translation>
    </message>
</context>
<context>
    <name>VehicleEditor</name>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="333" />
        <source>Add vehicle</source>
        <translation>Ajouter un véhicule</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="333" />
        <source>Remove vehicle</source>
        <translation>Retirer le véhicule</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="337" />
        <source>Plate</source>
        <translation>Plaque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="338" />
        <source>Partial is fine, e.g. AB-1??-CD</source>
        <translation>Partielle acceptée, ex. AB-1??-CD</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="340" />
        <source>Country of the plate</source>
        <translation>Pays de la plaque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="342" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="344" />
        <source>Visibility of the plate</source>
        <translation>Visibilité de la plaque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="346" />
        <source>Description of the vehicle</source>
        <translation>Description du véhicule</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="348" />
        <source>&amp;Plate</source>
        <translation>&amp;Plaque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="350" />
        <source>C&amp;ountry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="351" />
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="352" />
        <source>Plate &amp;visibility</source>
        <translation>&amp;Visibilité de la plaque</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="353" />
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="8" />
        <source>Police violence</source>
        <translation>Violences policières</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="9" />
        <source>Tear gas</source>
        <translation>Gaz lacrymogène</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="10" />
        <source>Belongings destroyed or taken</source>
        <translation>Affaires détruites ou saisies</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="13" />
        <source>Eviction</source>
        <translation>Expulsion</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="14" />
        <source>Distribution obstructed</source>
        <translation>Distribution entravée</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="17" />
        <source>Arrest or ID check</source>
        <translation>Arrestation ou contrôle d'identité</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="18" />
        <source>Threat or harassment</source>
        <translation>Menace ou harcèlement</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="19" />
        <source>Far-right attack</source>
        <translation>Attaque d'extrême droite</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="20" />
        <source>Death at the border</source>
        <translation>Mort à la frontière</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="21" />
        <location filename="../../fieldlog/gui/vocabulary.py" line="58" />
        <location filename="../../fieldlog/gui/vocabulary.py" line="78" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="27" />
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="28" />
        <source>Gendarmerie</source>
        <translation>Gendarmerie</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="29" />
        <source>Private security</source>
        <translation>Sécurité privée</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="30" />
        <source>Far right</source>
        <translation>Extrême droite</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="31" />
        <source>Civilian</source>
        <translation>Civil</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="32" />
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="38" />
        <source>Exact time</source>
        <translation>Heure exacte</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="39" />
        <source>Approximate time</source>
        <translation>Heure approximative</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="40" />
        <source>Day only</source>
        <translation>Jour seulement</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="46" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="47" />
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="48" />
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="49" />
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="55" />
        <source>Victim</source>
        <translation>Victime</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="56" />
        <source>Witness</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="57" />
        <source>Volunteer</source>
        <translation>Bénévole</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="64" />
        <source>Legal: may go to legal teams, with the pseudonym</source>
        <translation>Juridique : peut aller aux équipes juridiques, avec le pseudonyme</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="67" />
        <source>Anonymised: may leave the vault only without the pseudonym</source>
        <translation>Anonymisé : ne peut sortir du coffre que sans le pseudonyme</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="70" />
        <source>Internal: never leaves this vault</source>
        <translation>Interne : ne sort jamais de ce coffre</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="76" />
        <source>RIO number</source>
        <translation>Numéro RIO</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="77" />
        <source>Badge</source>
        <translation>Insigne</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="84" />
        <source>Number visible</source>
        <translation>Matricule visible</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="85" />
        <source>Number partly visible</source>
        <translation>Matricule partiellement visible</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="86" />
        <source>Number hidden or covered</source>
        <translation>Matricule caché ou couvert</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="87" />
        <source>Number not worn</source>
        <translation>Matricule non porté</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="93" />
        <source>Plate visible</source>
        <translation>Plaque visible</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="94" />
        <source>Plate partly visible</source>
        <translation>Plaque partiellement visible</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="95" />
        <source>Plate taped over</source>
        <translation>Plaque masquée par du ruban</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/vocabulary.py" line="96" />
        <source>No plate</source>
        <translation>Pas de plaque</translation>
    </message>
</context>
<context>
    <name>_ObservationEditor</name>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="234" />
        <source>Other incidents with this identifier</source>
        <translation>Autres incidents avec cet identifiant</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="235" />
        <source>Show them</source>
        <translation>Les afficher</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/child_lists.py" line="255" />
        <source>Seen in %n other incident(s)</source>
        <translation><numerusform>Vu dans %n autre incident</numerusform><numerusform>Vu dans %n autres incidents</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/child_lists.py" line="257" />
        <source>Not seen in any other incident</source>
        <translation>Vu dans aucun autre incident</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="88" />
        <source>Export for a legal team</source>
        <translation>Exporter pour une équipe juridique</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="90" />
        <source>Contact to export to</source>
        <translation>Contact destinataire de l’export</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="92" />
        <source>or paste an age1… recipient</source>
        <translation>ou collez un destinataire age1…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="93" />
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="95" />
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="96" />
        <source>Until date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="99" />
        <source>&amp;Shareable copies of photos instead of originals</source>
        <translation>Copies &amp;partageables des photos au lieu des originaux</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="101" />
        <source>Bundle file</source>
        <translation>Fichier du paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="102" />
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="103" />
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="104" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="108" />
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="116" />
        <source>&amp;Contact</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="117" />
        <source>&amp;Recipient</source>
        <translation>&amp;Destinataire</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="118" />
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="119" />
        <source>&amp;Until</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="122" />
        <source>&amp;Output file</source>
        <translation>&amp;Fichier de sortie</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="146" />
        <source>(none: use the pasted recipient)</source>
        <translation>(aucun : utiliser le destinataire collé)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="158" />
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="168" />
        <source>%n incident(s) will leave.</source>
        <translation>
            <numerusform>%n incident partira.</numerusform>
            <numerusform>%n incidents partiront.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="170" />
        <source>Testimonies with their pseudonym: %1; without it: %2; staying in this vault: %3.</source>
        <translation>Témoignages avec leur pseudonyme : %1 ; sans : %2 ; restant dans ce coffre : %3.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="178" />
        <source>Save the bundle</source>
        <translation>Enregistrer le paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="178" />
        <source>Bundles (*.fieldlog)</source>
        <translation>Paquets (*.fieldlog)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="187" />
        <source>Choose a contact or paste a recipient.</source>
        <translation>Choisissez un contact ou collez un destinataire.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="191" />
        <source>Choose where to save the bundle.</source>
        <translation>Choisissez où enregistrer le paquet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="219" />
        <source>Exported %n incident(s)</source>
        <translation>
            <numerusform>%n incident exporté</numerusform>
            <numerusform>%n incidents exportés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="220" />
        <source>. Testimonies: %1 (anonymised: %2, left out: %3); media files: %4; to %5.</source>
        <translation>. Témoignages : %1 (anonymisés : %2, écartés : %3) ; fichiers médias : %4 ; vers %5.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="377" />
        <source>%n testimony(ies) or observation(s) removed in this vault left out.</source>
        <translation>
            <numerusform>%n témoignage ou observation supprimé dans ce coffre n'a pas été repris.</numerusform>
            <numerusform>%n témoignages ou observations supprimés dans ce coffre n'ont pas été repris.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="382" />
        <source>%n incident(s) also changed here: the bundle's details taken, this vault's kept in the history.</source>
        <translation>
            <numerusform>%n incident avait aussi été modifié dans ce coffre depuis la copie de l'expéditeur : la date, le lieu, le titre et les autres détails du paquet ont été repris, et ceux de ce coffre restent dans l'historique.</numerusform>
            <numerusform>%n incidents avaient aussi été modifiés dans ce coffre depuis la copie de l'expéditeur : la date, le lieu, le titre et les autres détails du paquet ont été repris, et ceux de ce coffre restent dans l'historique.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="376" />
        <source>%n incident(s) older than this vault's records left as they are.</source>
        <translation>
            <numerusform>%n incident, plus ancien que ce que contient ce coffre, a été laissé tel quel.</numerusform>
            <numerusform>%n incidents, plus anciens que ce que contient ce coffre, ont été laissés tels quels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="383" />
        <source>%n testimony(ies) keep the narrower consent given in this vault.</source>
        <translation>
            <numerusform>%n témoignage garde le consentement plus restreint donné dans ce coffre (le paquet en avait un plus large).</numerusform>
            <numerusform>%n témoignages gardent le consentement plus restreint donné dans ce coffre (le paquet en avait un plus large).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="242" />
        <source>Import a bundle</source>
        <translation>Importer un paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="244" />
        <source>Bundle file</source>
        <translation>Fichier du paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="246" />
        <source>&amp;Choose a bundle…</source>
        <translation>&amp;Choisir un paquet…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="249" />
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="250" />
        <source>&amp;Accept this unknown signer</source>
        <translation>&amp;Accepter ce signataire inconnu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="252" />
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="281" />
        <source>Choose a bundle</source>
        <translation>Choisir un paquet</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="281" />
        <source>Bundles (*.fieldlog);;All files (*)</source>
        <translation>Paquets (*.fieldlog);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="291" />
        <source>Checking every file of the bundle…</source>
        <translation>Vérification de chaque fichier du paquet…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="309" />
        <source>Signed by the trusted contact %1 (fingerprint %2).</source>
        <translation>Signé par le contact de confiance %1 (empreinte %2).</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="315" />
        <source>Signed by an UNKNOWN key, not a trusted contact (fingerprint %1).</source>
        <translation>Signé par une clé INCONNUE, qui n’est pas un contact de confiance (empreinte %1).</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="318" />
        <source>Intact: every hash, the manifests and the custody chain check out.</source>
        <translation>Intact : chaque empreinte, les manifestes et la chaîne de traçabilité sont vérifiés.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="320" />
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="322" />
        <source>%n testimony(ies)</source>
        <translation>
            <numerusform>%n témoignage</numerusform>
            <numerusform>%n témoignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="324" />
        <source>%n media file(s)</source>
        <translation>
            <numerusform>%n fichier média</numerusform>
            <numerusform>%n fichiers médias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="330" />
        <source>%n incident(s) were filtered by consent at export.</source>
        <translation>
            <numerusform>%n incident a été filtré selon le consentement à l’export.</numerusform>
            <numerusform>%n incidents ont été filtrés selon le consentement à l’export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="331" />
        <source>%n filtered incident(s), from an earlier FieldLog, are vouched for by the signature only, not by the custody log.</source>
        <translation>
            <numerusform>%n incident filtré, d’une version antérieure de FieldLog, n’est garanti que par la signature, pas par le journal de traçabilité.</numerusform>
            <numerusform>%n incidents filtrés, d’une version antérieure de FieldLog, ne sont garantis que par la signature, pas par le journal de traçabilité.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="356" />
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Ce paquet a déjà été importé ; rien n’a changé.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="360" />
        <source>Incidents added: %1, revised: %2, unchanged: %3; media files added: %4.</source>
        <translation>Incidents ajoutés : %1, révisés : %2, inchangés : %3 ; fichiers médias ajoutés : %4.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="370" />
        <source>The bundle was refused.</source>
        <translation>Le paquet a été refusé.</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="298" />
        <source>Choose a bundle received from a volunteer or a colleague. FieldLog checks its signature and every file first; nothing is added to this vault until you merge.</source>
        <translation>Choisissez un paquet reçu d'un bénévole ou d'un collègue. FieldLog vérifie d'abord sa signature et chacun de ses fichiers ; rien n'est ajouté à ce coffre avant que vous ne fusionniez.</translation>
    </message>
</context>
<context>
    <name>SummariesView</name>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="60" />
        <source>Summaries</source>
        <translation>Synthèses</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="62" />
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="63" />
        <source>Until date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="67" />
        <source>Language of the summary</source>
        <translation>Langue de la synthèse</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="69" />
        <source>Categories (none checked: all)</source>
        <translation>Catégories (aucune cochée : toutes)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="77" />
        <source>&amp;Leave out testimony text</source>
        <translation>&amp;Omettre le texte des témoignages</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="79" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="80" />
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="81" />
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="85" />
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="86" />
        <source>&amp;Until</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="87" />
        <source>L&amp;anguage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="88" />
        <source>&amp;Categories</source>
        <translation>&amp;Catégories</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="160" />
        <source>Save the summary</source>
        <translation>Enregistrer la synthèse</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="162" />
        <source>PDF (*.pdf);;HTML (*.html *.htm);;Markdown (*.md);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;HTML (*.html *.htm);;Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/gui/summaries_view.py" line="188" />
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
</context>
</TS>